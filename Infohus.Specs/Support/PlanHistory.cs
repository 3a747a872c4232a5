namespace Infohus.Specs.Support;

/// <summary>
/// The action plan's rules stated over a stored history, event by event, written apart from the
/// decision functions (their own small state, not <see cref="Case"/>), so the two check each other:
/// whatever the API accepted, the history it left must read as a course the plan allows.
/// </summary>
public static class PlanHistory
{
    public static IReadOnlyList<string> Violations(IReadOnlyList<JasperFx.Events.IEvent> history)
    {
        var broken = new List<string>();
        var course = new Course();
        for (var i = 0; i < history.Count; i++)
        {
            var e = history[i].Data;
            void Rule(bool holds, string rule)
            {
                if (!holds) broken.Add($"v{i + 1} {e.GetType().Name}: {rule}");
            }

            Rule(history[i].Version == i + 1, "versions run 1, 2, 3… without gaps");
            Rule((i == 0) == e is ReferralReceived, "a case starts with its one referral");
            foreach (var actor in e.GetType().GetProperties().Where(p => p.PropertyType == typeof(MemberRef)).Select(p => (MemberRef)p.GetValue(e)!))
                Rule(actor.Role is Role.Member or Role.Coordinator, "only members and the coordinator act on a case");
            Rule(!course.Erased, "an erased case takes no further step");
            // The journal (notes, documents) and the links run beside the plan; a link to a related case is also made on a closed one.
            var besideThePlan = e is JournalNoteAdded or DocumentAttached or CasesLinked;
            Rule(!course.Closed || e is CaseReopened or PersonalDataErased or CasesLinked,
                "a closed case takes nothing but a reopening, a link to a related case or the erasure of its personal data");
            Rule(course.Closed || !course.HandedOver || besideThePlan || e is CourseEvaluated or CaseClosed or RegistrationCorrected or PersonalDataErased or ConcernReassessed,
                "after hand-over only evaluation, closure, the registration, a re-assessment, the journal, links and erasure (§4.2.2 I a)");
            Rule(course.Closed || !course.Redirected || besideThePlan || e is CaseClosed or RegistrationCorrected or PersonalDataErased,
                "after redirection only closure, the registration, the journal, links and erasure");

            switch (e)
            {
                case ReferralReceived received:
                    course.FromEmployeeOrPartner = received.Source is ReferralSource.Employee or ReferralSource.ExternalPartner;
                    course.FromCitizen = received.Source == ReferralSource.Citizen;
                    course.Registration = received.Registration;
                    // §4.2.2 II: never refused, and routed at once: by age, or to the SSP consultant's triage without one.
                    Rule(!course.FromCitizen || history.Count > 1 && history[1].Data is CitizenReferralRouted, "a citizen's referral is routed at intake (§4.2.2 II)");
                    break;
                case CitizenReferralRouted routed:
                    Rule(i == 1 && course.FromCitizen, "only a citizen's referral is routed, at intake");
                    Rule((routed.Route, routed.ResponsibleDepartment) == RouteFor(course.Registration!.Age),
                        "under 18 the SSP consultant, 18 and over the police representative, without an age the coordinator's triage (§4.2.2 II)");
                    course.Route = routed.Route;
                    break;
                case RegistrationCorrected corrected:
                    Rule(!SameRegistration(corrected.Registration, course.Registration!), "a correction changes the registration");
                    var routingFollows = course.Route == CitizenRoute.CoordinatorTriage && corrected.Registration.Age is not null && !course.Redirected;
                    Rule(routingFollows == (i + 1 < history.Count && history[i + 1].Data is CitizenReferralRerouted),
                        "a triaged concern the Infohus still handles is routed as soon as its age is known, and only then (§4.2.2 II)");
                    course.Registration = corrected.Registration;
                    break;
                case CitizenReferralRerouted rerouted:
                    Rule(course.Route == CitizenRoute.CoordinatorTriage && !course.Redirected && history[i - 1].Data is RegistrationCorrected,
                        "only a triaged concern the Infohus still handles is rerouted, when its age becomes known");
                    Rule((rerouted.Route, rerouted.ResponsibleDepartment) == RouteFor(course.Registration!.Age), "rerouted by the age now known (§4.2.2 II)");
                    course.Route = rerouted.Route;
                    break;
                case CitizenGuided guided:
                    Rule(course.FromCitizen, "guidance to 114, 112 or the hotline answers a citizen (§4.2.2 II)");
                    Rule(!course.Guided && course.Feedback is null && course.Extremism != false, "a citizen is guided once a round, before any feedback, unless the concern is to be redirected");
                    Rule(Handles(course.Route, guided.GuidedBy), "the SSP consultant, the police representative or for a triage the coordinator guides the citizen (§4.2.2 II)");
                    course.Guided = true;
                    break;
                case NearestManagerInformed:
                    Rule(course.FromEmployeeOrPartner && !course.ManagerInformed, "the nearest manager of a referring employee is informed once");
                    course.ManagerInformed = true;
                    break;
                case ConcernInterviewHeld:
                    Rule(course.FromEmployeeOrPartner && course.ManagerInformed && !course.Interviewed, "the interview follows the manager being informed, once (§4.2.2 I)");
                    course.Interviewed = true;
                    break;
                case ConcernAssessed assessed:
                    Rule(!course.FromEmployeeOrPartner || course.Interviewed, "an employee's referral is assessed after the interview (§4.2.2 I)");
                    Rule(course.Feedback is null, "no new assessment after feedback");
                    course.Extremism = assessed.ConcernsExtremism;
                    course.Tier = assessed.Tier;
                    course.Level = assessed.ConcernLevel;
                    break;
                case ConcernReassessed reassessed:
                    Rule(course.Extremism == true && course.Feedback is not null, "a re-assessment follows feedback on an extremism assessment");
                    Rule(reassessed.Tier != course.Tier || reassessed.ConcernLevel != course.Level, "a re-assessment changes the level or the tier");
                    course.Tier = reassessed.Tier;
                    course.Level = reassessed.ConcernLevel;
                    course.Feedback = null;
                    course.HandedOver = false;
                    // Stepped down from the targeted tier, the crisis team is stood down.
                    if (reassessed.Tier != PreventionTier.Targeted) course.CrisisTeam = false;
                    break;
                case ReferralRedirected:
                    Rule(course.Extremism == false, "only a concern assessed as not extremism is redirected");
                    course.Redirected = true;
                    break;
                case RegionalInfohusInformed informed:
                    Rule(history[i - 1].Data is ReportedToPetEae && informed.Via == RegionalInfohusInformed.ThroughEae,
                        "Infohus Nordjylland is informed through EAE with the report to PET/EAE (§2.1)");
                    break;
                case ReportedToPetEae reported:
                    Rule(course.Extremism == true && !course.ReportedToPetEae, "an extremism concern is reported to PET/EAE once");
                    Rule(Actor(reported).Department == Department.Police, "the police reports to PET/EAE (§4.3 I)");
                    Rule(i + 1 < history.Count && history[i + 1].Data is RegionalInfohusInformed, "the report informs Infohus Nordjylland through EAE (§2.1)");
                    course.ReportedToPetEae = true;
                    break;
                case FeedbackGiven feedback:
                    Rule(course.Extremism == true && course.Feedback is null, "feedback once, on an extremism assessment");
                    Rule(!course.FromCitizen || feedback.Kind == FeedbackKind.Targeted, "a citizen gets no feedback a) (§4.2.2 I a, II)");
                    course.Feedback = feedback.Kind;
                    break;
                case CaseHandedOver:
                    Rule(course.Feedback == FeedbackKind.Guidance && !course.FromCitizen, "hand-over to the referring authority follows feedback a), never for a citizen");
                    course.HandedOver = true;
                    break;
                case CrisisTeamConvened:
                    Rule(course.Feedback == FeedbackKind.Targeted && !course.CrisisTeam, "a crisis team follows feedback b), once");
                    course.CrisisTeam = true;
                    break;
                case InterventionRecommended recommended:
                    Rule(course.CrisisTeam, "the crisis team's work needs a crisis team");
                    course.Undecided.Add(recommended.InterventionId);
                    break;
                case InternalCommunicationSent or PreparednessPlanAdopted:
                    Rule(course.CrisisTeam, "the crisis team's work needs a crisis team");
                    break;
                case InterventionDecided decided:
                    Rule(course.Undecided.Remove(decided.InterventionId), "an authority decides a recommended intervention, once (§4.3)");
                    break;
                case PressHeadsInformed:
                    Rule(course.CrisisTeam, "the press work needs a crisis team (§5.3.2)");
                    course.HeadsInformed = true;
                    break;
                case SpokespersonAppointed:
                    Rule(course.CrisisTeam, "the press work needs a crisis team (§5.3.2)");
                    course.Spokesperson = true;
                    break;
                case PressMessageIssued:
                    Rule(course.CrisisTeam && course.HeadsInformed && course.Spokesperson, "a press message follows the heads informed and a spokesperson (§5.3.2)");
                    break;
                case PersonalDataErased:
                    course.Erased = true;
                    break;
                case CasesLinked linked:
                    Rule(linked.CaseId == history[i].StreamId && linked.OtherCaseId != linked.CaseId, "a case is linked to another case, on its own stream");
                    Rule(course.LinkedTo.Add(linked.OtherCaseId), "two cases are linked once");
                    break;
                case CourseEvaluated:
                    Rule(course.Feedback is not null || course.Guided, "a course is evaluated after feedback or the citizen's guidance");
                    course.Evaluated = true;
                    break;
                case CaseClosed:
                    Rule(course.Redirected || (course.Extremism == true && course.Feedback is not null && course.Evaluated)
                         || (course.Guided && course.Extremism != false && course.Tier != PreventionTier.Targeted),
                        "a case closes after redirection, after assessment, feedback and evaluation (§4.2.2 III), or with a citizen's guidance off the targeted course (§4.2.2 II)");
                    course.Closed = true;
                    break;
                case CaseReopened:
                    Rule(course.Closed, "only a closed case is reopened");
                    course = course.NewRound();
                    break;
                case InformationDisclosed disclosed:
                    Rule(disclosed.Recipient.Type is not (RecipientType.PrivatePerson or RecipientType.Press or RecipientType.Employer or RecipientType.Other),
                        "§115 covers authorities and institutions only");
                    Rule(disclosed.Basis.Purpose != DisclosurePurpose.CriminalInvestigation, "never for a criminal investigation (§115 stk. 2)");
                    Rule(disclosed.Basis.Provision != Provision.Stk1 || disclosed.DisclosedBy.Department == Department.Police, "stk. 1 is the police's");
                    Rule(disclosed.Recipient.Type != RecipientType.SelfGoverningInstitution || disclosed.Basis.Provision == Provision.Stk3,
                        "a self-governing institution takes part under stk. 3");
                    break;
            }
        }
        return broken;
    }

    private static (CitizenRoute, Department) RouteFor(int? age) => age switch
    {
        null => (CitizenRoute.CoordinatorTriage, Department.Bfu),
        < 18 => (CitizenRoute.SspConsultant, Department.Bfu),
        _ => (CitizenRoute.PoliceRepresentative, Department.Police)
    };

    private static bool Handles(CitizenRoute? route, MemberRef member) => route switch
    {
        CitizenRoute.SspConsultant => member.Department == Department.Bfu,
        CitizenRoute.PoliceRepresentative => member.Department == Department.Police,
        CitizenRoute.CoordinatorTriage => member.Role == Role.Coordinator,
        _ => false
    };

    private static bool SameRegistration(Registration a, Registration b) =>
        (a.Age, a.Gender, a.Nationality, a.District, a.Family, a.Attachment, a.Ideology) == (b.Age, b.Gender, b.Nationality, b.District, b.Family, b.Attachment, b.Ideology)
        && a.WarningSigns.Distinct().Order().SequenceEqual(b.WarningSigns.Distinct().Order());

    private static MemberRef Actor(object e) =>
        (MemberRef)e.GetType().GetProperties().First(p => p.PropertyType == typeof(MemberRef)).GetValue(e)!;

    private sealed record Course
    {
        public bool FromEmployeeOrPartner { get; set; }
        public bool FromCitizen { get; set; }
        public Registration? Registration { get; set; }
        public CitizenRoute? Route { get; set; }
        public bool Guided { get; set; }
        public PreventionTier? Tier { get; set; }
        public string? Level { get; set; }
        public bool ManagerInformed { get; set; }
        public bool Interviewed { get; set; }
        public bool? Extremism { get; set; }
        public bool Redirected { get; set; }
        public bool ReportedToPetEae { get; set; }
        public FeedbackKind? Feedback { get; set; }
        public bool HandedOver { get; set; }
        public bool CrisisTeam { get; set; }
        public bool Evaluated { get; set; }
        public bool Closed { get; set; }
        public bool HeadsInformed { get; set; }
        public bool Spokesperson { get; set; }
        public bool Erased { get; set; }
        public HashSet<Guid> Undecided { get; init; } = [];
        public HashSet<Guid> LinkedTo { get; init; } = [];

        /// <summary>A reopened case is assessed (or its citizen guided) again from the start; intake, routing, registration, manager and interview stay done.</summary>
        public Course NewRound() => new()
        {
            FromEmployeeOrPartner = FromEmployeeOrPartner, FromCitizen = FromCitizen, Registration = Registration, Route = Route,
            ManagerInformed = ManagerInformed, Interviewed = Interviewed, Undecided = Undecided, LinkedTo = LinkedTo
        };
    }
}
