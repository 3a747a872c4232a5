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
            Rule(!course.Closed || e is CaseReopened, "a closed case takes nothing but a reopening");
            Rule(course.Closed || !course.HandedOver || e is CourseEvaluated or CaseClosed, "after hand-over only evaluation and closure (§4.2.2 I a)");
            Rule(course.Closed || !course.Redirected || e is CaseClosed, "after redirection only closure");

            switch (e)
            {
                case ReferralReceived received:
                    course.FromEmployeeOrPartner = received.Source is ReferralSource.Employee or ReferralSource.ExternalPartner;
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
                    break;
                case ReferralRedirected:
                    Rule(course.Extremism == false, "only a concern assessed as not extremism is redirected");
                    course.Redirected = true;
                    break;
                case ReportedToPetEae reported:
                    Rule(course.Extremism == true && !course.ReportedToPetEae, "an extremism concern is reported to PET/EAE once");
                    Rule(Actor(reported).Department == Department.Police, "the police reports to PET/EAE (§4.3 I)");
                    course.ReportedToPetEae = true;
                    break;
                case FeedbackGiven feedback:
                    Rule(course.Extremism == true && course.Feedback is null, "feedback once, on an extremism assessment");
                    course.Feedback = feedback.Kind;
                    break;
                case CaseHandedOver:
                    Rule(course.Feedback == FeedbackKind.Guidance, "hand-over follows feedback a)");
                    course.HandedOver = true;
                    break;
                case CrisisTeamConvened:
                    Rule(course.Feedback == FeedbackKind.Targeted && !course.CrisisTeam, "a crisis team follows feedback b), once");
                    course.CrisisTeam = true;
                    break;
                case InternalCommunicationSent or PressMessageIssued or PreparednessPlanAdopted or InterventionRecommended:
                    Rule(course.CrisisTeam, "the crisis team's work needs a crisis team");
                    break;
                case CourseEvaluated:
                    Rule(course.Feedback is not null, "a course is evaluated after feedback");
                    course.Evaluated = true;
                    break;
                case CaseClosed:
                    Rule(course.Redirected || (course.Extremism == true && course.Feedback is not null && course.Evaluated),
                        "a case closes after redirection, or after assessment, feedback and evaluation (§4.2.2 III)");
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

    private static MemberRef Actor(object e) =>
        (MemberRef)e.GetType().GetProperties().First(p => p.PropertyType == typeof(MemberRef)).GetValue(e)!;

    private sealed record Course
    {
        public bool FromEmployeeOrPartner { get; set; }
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

        /// <summary>A reopened case is assessed again from the start; intake, manager and interview stay done.</summary>
        public Course NewRound() => new() { FromEmployeeOrPartner = FromEmployeeOrPartner, ManagerInformed = ManagerInformed, Interviewed = Interviewed };
    }
}
