using Infohus.Api.Cases.Assessing;
using Infohus.Api.Cases.Assigning;
using Infohus.Api.Cases.Closing;
using Infohus.Api.Cases.Communicating;
using Infohus.Api.Cases.Disclosing;
using Infohus.Api.Cases.Feedback;
using Infohus.Api.Cases.Guiding;
using Infohus.Api.Cases.Interviewing;
using Infohus.Api.Cases.Journal;
using Infohus.Api.Cases.Linking;
using Infohus.Api.Cases.Registering;
using Infohus.Api.Cases.Targeting;
using Infohus.EventStore.Members;
using Microsoft.Extensions.Options;

namespace Infohus.Api.Web;

/// <summary>
/// A step on a case as a form: its fields, the API command read from them, and the API endpoint's own
/// code that takes the command. <see cref="Command"/> returns null when a field is missing (the error
/// is on the field); the rules themselves are the endpoint's, so a refusal reads as the API's.
/// </summary>
public sealed record StepForm(
    CaseAction Action,
    string Segment,
    string Lead,
    Func<Indtastning, IReadOnlyList<Felt>> Fields,
    Func<Indtastning, long, object?> Command,
    Func<Guid, object, IDocumentSession, HttpContext, Task<IResult>> Call,
    StepPart? Part = null,
    string? Title = null,
    string? Path = null,
    Func<Case, Dictionary<string, Microsoft.Extensions.Primitives.StringValues>>? Prefill = null)
{
    /// <summary>The form's heading, button and message: the step's name, or the form's own when one step has several forms.</summary>
    public string Navn => Title ?? Dansk.Trin(Action);

    /// <summary>The API's route for the command: a step on a part of the case names the part in its route.</summary>
    public string ApiRoute(Guid caseId, object? command) =>
        command is PartCommand p && Part is { } part ? $"/api/cases/{caseId}/{part.ApiPath.Replace("{part}", p.Part.ToString())}" : $"/api/cases/{caseId}/{Path ?? Segment}";
}

/// <summary>A link to another case, named by its reference as members know it; the form's call finds the case.</summary>
public sealed record LinkByReference(long Version, string Reference, LinkReason Reason);

/// <summary>
/// A step taken on one part of the case (an intervention, a follow-up): the form asks which, from the
/// parts the case has now, and the API's route names it (<see cref="ApiPath"/> holds <c>{part}</c>).
/// </summary>
public sealed record StepPart(string Label, string ApiPath, string Error, Func<Case, IReadOnlyList<Mulighed>> Options)
{
    public const string Field = "del";

    public Felt Felt(Case state, Indtastning input) =>
        Web.Felt.Valg(FeltType.Radio, Field, Label, input.Tekst(Field), Options(state), input.State);

    /// <summary>The part chosen, or null with the error on the field.</summary>
    public Guid? Chosen(Indtastning input)
    {
        if (Guid.TryParse(input.Tekst(Field), out var id)) return id;
        input.State.AddModelError(Field, Error);
        return null;
    }
}

/// <summary>The API command for one part of the case; the part goes in the route, the command in the body.</summary>
public sealed record PartCommand(Guid Part, object Command);

public static class StepForms
{
    private static Task<IResult> Post<T>(Func<Guid, T, IDocumentSession, HttpContext, Task<IResult>> endpoint, Guid id, object command, IDocumentSession session, HttpContext context) =>
        endpoint(id, (T)command, session, context);

    private static IOptions<ActionPlanSettings> Plan(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<ActionPlanSettings>>();

    private static readonly StepPart UndecidedIntervention = new("Anbefalet indsats", "interventions/{part}/decision", "Vælg den indsats, myndigheden har truffet afgørelse om.",
        state => Numbered(state.Interventions.Where(i => i.Decision is null).Select(i => (i.Id, Dansk.Ord(i.Kind)))));

    private static readonly StepPart UnfinishedFollowUp = new("Opfølgning", "follow-ups/{part}/completion", "Vælg den opfølgning, der er afsluttet.",
        state => Numbered((state.FollowUpList ?? []).Where(f => f.CompletedAt is null)
            .Select(f => (f.Id, Dansk.Ord(f.Circle) + (f.Owner is { } owner ? $" (ansvarlig: {owner.Name})" : "")))));

    /// <summary>Two parts with the same words get their order as a number, so each label names one part.</summary>
    private static IReadOnlyList<Mulighed> Numbered(IEnumerable<(Guid Id, string Text)> parts)
    {
        var list = parts.ToList();
        return [.. list.Select((p, i) => new Mulighed(p.Id.ToString(),
            list.Count(o => o.Text == p.Text) > 1 ? $"{p.Text} ({list.Take(i + 1).Count(o => o.Text == p.Text)}.)" : p.Text))];
    }

    private static Task<IResult> OnPart<T>(Func<Guid, Guid, T, IDocumentSession, HttpContext, Task<IResult>> endpoint, Guid id, object command, IDocumentSession session, HttpContext context)
    {
        var (part, body) = (PartCommand)command;
        return endpoint(id, part, (T)body, session, context);
    }

    /// <summary>The other case by its reference (as the inbox finds it), then the API's own link endpoint.</summary>
    private static async Task<IResult> LinkByReference(Guid id, object command, IDocumentSession session, HttpContext context)
    {
        var link = (LinkByReference)command;
        var other = await session.Query<Infohus.Projections.Cases.CaseSummary>().Where(c => c.Reference == link.Reference)
            .Select(c => c.Id).ToListAsync(context.RequestAborted);
        if (other is not [var otherId])
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Ukendt sag",
                detail: $"Ingen sag har referencen {link.Reference}. Skriv referencen, som den står på sagen, fx 2026-0042.");
        return await LinkCasesEndpoint.Post(id, new LinkCases(link.Version, otherId, link.Reason), session, context);
    }

    private static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    public static readonly IReadOnlyList<StepForm> All =
    [
        new(CaseAction.Claim, "claim", "Du tager sagen fra din forvaltnings kø og bliver ansvarlig for den.",
            _ => [],
            (_, version) => new ClaimCase(version),
            (id, c, s, h) => Post<ClaimCase>(ClaimCaseEndpoint.Post, id, c, s, h)),

        new(CaseAction.Assignment, "assignment",
            "Sagen tildeles et navngivet medlem af Infohuset, i enhver forvaltning. Koordinatoren eller den, der har sagen, tildeler den.",
            // From the municipality's list of members when it has one; otherwise the member is typed.
            f => f.Members.Members.Count > 0
                ? [f.Medlemmer("MemberId", "Medlem", "Infohusets medlemmer, som kommunen har oplyst.")]
                : [
                    f.Tekstlinje("MemberId", "Medlemmets brugernavn", "Det brugernavn, medlemmet logger ind med.", required: true),
                    f.Tekstlinje("Name", "Medlemmets navn", required: true),
                    f.Liste<Department>("Department", "Medlemmets forvaltning", tom: "Vælg forvaltning")
                ],
            (f, version) =>
            {
                if (f.Members.Members.Count > 0)
                {
                    if (f.Members.Find(f.Tekst("MemberId")) is { } chosen) return new AssignCase(version, chosen);
                    f.State.AddModelError("MemberId", "Vælg det medlem, sagen skal tildeles.");
                    return null;
                }
                var member = f.Påkrævet("MemberId", "Skriv medlemmets brugernavn.");
                var name = f.Påkrævet("Name", "Skriv medlemmets navn.");
                var department = f.Valg<Department>("Department", "Vælg medlemmets forvaltning.");
                return member is not null && name is not null && department is { } d ? new AssignCase(version, new Assignee(member, name, d)) : null;
            },
            (id, c, s, h) => Post<AssignCase>(AssignCaseEndpoint.Post, id, c, s, h)),

        new(CaseAction.ManagerInformed, "manager-informed",
            "Bekræft, at den indberettende medarbejders nærmeste leder er orienteret. Det skal ske før bekymringssamtalen (§4.2.2 I).",
            _ => [],
            (_, version) => new InformManager(version),
            (id, c, s, h) => Post<InformManager>(InformManagerEndpoint.Post, id, c, s, h)),

        new(CaseAction.Interview, "interview",
            "Bekymringssamtalen med medarbejderen (interviewskema, bilag 4). Medarbejderen skal have at vide, at en henvendelse til Infohuset ikke erstatter en underretning, og myndighedspersoner skal oplyses om pligten til at underrette Udlændingestyrelsen.",
            f => [
                f.Bekræftelse(nameof(HoldInterview.NotificationDutyExplained), "Jeg har oplyst, at henvendelsen ikke erstatter en underretning"),
                f.Bekræftelse(nameof(HoldInterview.ImmigrationServiceDutyExplained), "Jeg har oplyst om underretningspligten til Udlændingestyrelsen"),
                f.Tekstfelt(nameof(HoldInterview.Notes), "Noter fra samtalen", "Fritekst gemmes krypteret på sagen og indgår aldrig i statistikken.")
            ],
            (f, version) => new HoldInterview(version, f.Flag(nameof(HoldInterview.NotificationDutyExplained)),
                f.Flag(nameof(HoldInterview.ImmigrationServiceDutyExplained)), f.Tekst(nameof(HoldInterview.Notes))),
            (id, c, s, h) => Post<HoldInterview>(HoldInterviewEndpoint.Post, id, c, s, h)),

        new(CaseAction.Assessment, "assessment",
            "Infohuset vurderer bekymringen og sætter bekymringsniveau og indsats i forebyggelsestrekanten.",
            f => [
                f.JaNejFelt(nameof(AssessConcern.ConcernsExtremism), "Handler bekymringen om radikalisering eller ekstremisme?"),
                f.Afkrydsning<Department>(nameof(AssessConcern.Participants), "Hvem deltog i vurderingen?"),
                f.Niveauer(nameof(AssessConcern.ConcernLevel), "Bekymringsniveau", "Kun når bekymringen handler om radikalisering eller ekstremisme."),
                f.Radio<PreventionTier>(nameof(AssessConcern.Tier), "Indsats i forebyggelsestrekanten", "Kun når bekymringen handler om radikalisering eller ekstremisme.")
            ],
            (f, version) => f.JaNej(nameof(AssessConcern.ConcernsExtremism), "Svar ja eller nej.") is { } extremism
                ? new AssessConcern(version, extremism, f.Flere<Department>(nameof(AssessConcern.Participants)),
                    f.Tekst(nameof(AssessConcern.ConcernLevel)), f.Valg<PreventionTier>(nameof(AssessConcern.Tier)))
                : null,
            (id, c, s, h) => AssessConcernEndpoint.Post(id, (AssessConcern)c, s, h, Plan(h))),

        new(CaseAction.Reassessment, "reassessment",
            "Bekymringen vurderes igen efter tilbagemeldingen: skærpet eller nedtrappet.",
            f => [
                f.Afkrydsning<Department>(nameof(ReassessConcern.Participants), "Hvem deltog i vurderingen?"),
                f.Niveauer(nameof(ReassessConcern.ConcernLevel), "Bekymringsniveau"),
                f.Radio<PreventionTier>(nameof(ReassessConcern.Tier), "Indsats i forebyggelsestrekanten")
            ],
            (f, version) => new ReassessConcern(version, f.Flere<Department>(nameof(ReassessConcern.Participants)),
                f.Tekst(nameof(ReassessConcern.ConcernLevel)), f.Valg<PreventionTier>(nameof(ReassessConcern.Tier))),
            (id, c, s, h) => ReassessConcernEndpoint.Post(id, (ReassessConcern)c, s, h, Plan(h))),

        new(CaseAction.Redirection, "redirection",
            "Bekymringen handler ikke om radikalisering eller ekstremisme og sendes videre til den rette instans i kommunen (§4.2.2 C).",
            f => [
                f.Tekstlinje(nameof(RedirectReferral.Body), "Modtagende instans", required: true),
                f.Radio<RedirectionReason>(nameof(RedirectReferral.Reason), "Årsag")
            ],
            (f, version) =>
            {
                var body = f.Påkrævet(nameof(RedirectReferral.Body), "Skriv hvem sagen sendes videre til.");
                var reason = f.Valg<RedirectionReason>(nameof(RedirectReferral.Reason), "Vælg en årsag.");
                return body is not null && reason is { } r ? new RedirectReferral(version, body, r) : null;
            },
            (id, c, s, h) => Post<RedirectReferral>(RedirectReferralEndpoint.Post, id, c, s, h)),

        new(CaseAction.PetEaeReport, "pet-eae-report",
            "Lokalpolitiet indberetter sagen til PET og EAE; Infohus Nordjylland orienteres via EAE (§4.2.2, §2.1).",
            _ => [],
            (_, version) => new ReportToPetEae(version),
            (id, c, s, h) => Post<ReportToPetEae>(ReportToPetEaeEndpoint.Post, id, c, s, h)),

        new(CaseAction.Feedback, "feedback",
            "Tilbagemelding til medarbejderen, afhængigt af bekymringen (§4.2.2 I 6).",
            f => [f.Radio<FeedbackKind>(nameof(GiveFeedback.Kind), "Tilbagemelding")],
            (f, version) => f.Valg<FeedbackKind>(nameof(GiveFeedback.Kind), "Vælg tilbagemeldingen.") is { } kind ? new GiveFeedback(version, kind) : null,
            (id, c, s, h) => Post<GiveFeedback>(GiveFeedbackEndpoint.Post, id, c, s, h)),

        new(CaseAction.CitizenGuidance, "citizen-guidance",
            "Borgeren er vejledt (§4.2.2 II): mistanke om ulovlige handlinger til politiet på 114, akut fare 112, rådgivning hos den nationale hotline.",
            f => [f.Afkrydsning<CitizenGuidance>(nameof(GuideCitizen.Guidance), "Vejledning givet")],
            (f, version) => new GuideCitizen(version, f.Flere<CitizenGuidance>(nameof(GuideCitizen.Guidance))),
            (id, c, s, h) => Post<GuideCitizen>(GuideCitizenEndpoint.Post, id, c, s, h)),

        new(CaseAction.Handover, "handover",
            "Infohuset vejleder om konkrete muligheder og er derefter ikke længere involveret: den henvisende myndighed fører sagen videre (§4.2.2 I 6a).",
            f => [f.Tekstlinje(nameof(HandOver.ReceivingAuthority), "Modtagende myndighed", required: true)],
            (f, version) => f.Påkrævet(nameof(HandOver.ReceivingAuthority), "Skriv hvilken myndighed der overtager sagen.") is { } authority ? new HandOver(version, authority) : null,
            (id, c, s, h) => Post<HandOver>(HandOverEndpoint.Post, id, c, s, h)),

        new(CaseAction.CrisisTeam, "crisis-team",
            "En krisegruppe på tværs af de relevante forvaltninger og politiet (§4.3).",
            f => [f.Afkrydsning<Department>(nameof(ConveneCrisisTeam.Departments), "Forvaltninger i krisegruppen")],
            (f, version) => new ConveneCrisisTeam(version, f.Flere<Department>(nameof(ConveneCrisisTeam.Departments))),
            (id, c, s, h) => Post<ConveneCrisisTeam>(ConveneCrisisTeamEndpoint.Post, id, c, s, h)),

        new(CaseAction.PreparednessPlan, "preparedness-plan",
            "Krisegruppens beredskabsplan beskriver indsatsen for borgeren (§4.3).",
            f => [f.Tekstfelt(nameof(AdoptPreparednessPlan.Plan), "Beredskabsplan", "Gemmes krypteret på sagen.", required: true)],
            (f, version) => f.Påkrævet(nameof(AdoptPreparednessPlan.Plan), "Skriv beredskabsplanen.") is { } plan ? new AdoptPreparednessPlan(version, plan) : null,
            (id, c, s, h) => Post<AdoptPreparednessPlan>(AdoptPreparednessPlanEndpoint.Post, id, c, s, h)),

        new(CaseAction.Interventions, "interventions",
            "Infohuset anbefaler en indsats; myndigheden på området bevilger den. Infohuset kan ikke bevilge (§4.3).",
            f => [f.Radio<InterventionKind>(nameof(RecommendIntervention.Kind), "Indsats")],
            (f, version) => f.Valg<InterventionKind>(nameof(RecommendIntervention.Kind), "Vælg indsatsen.") is { } kind ? new RecommendIntervention(version, kind) : null,
            (id, c, s, h) => Post<RecommendIntervention>(RecommendInterventionEndpoint.Post, id, c, s, h)),

        new(CaseAction.InterventionDecision, "decision",
            "Myndigheden på området har truffet afgørelse om en indsats, Infohuset har anbefalet. Infohuset registrerer afgørelsen; det bevilger ikke selv (§4.3).",
            f => [
                f.Radio<InterventionDecision>(nameof(DecideIntervention.Decision), "Afgørelse"),
                f.Tekstlinje(nameof(DecideIntervention.Authority), "Myndighed der har truffet afgørelsen", "Fx Børn og Familie, Hjørring Kommune.", required: true)
            ],
            (f, version) =>
            {
                var part = UndecidedIntervention.Chosen(f);
                var decision = f.Valg<InterventionDecision>(nameof(DecideIntervention.Decision), "Vælg afgørelsen.");
                var authority = f.Påkrævet(nameof(DecideIntervention.Authority), "Skriv hvilken myndighed der har truffet afgørelsen.");
                return part is { } p && decision is { } d && authority is not null ? new PartCommand(p, new DecideIntervention(version, d, authority)) : null;
            },
            (id, c, s, h) => OnPart<DecideIntervention>(DecideInterventionEndpoint.Post, id, c, s, h),
            UndecidedIntervention),

        new(CaseAction.FollowUps, "follow-ups",
            "Opfølgning på afledte effekter omkring borgeren: familie, søskende, venner, netværk (§4.3). Du bliver ansvarlig for opfølgningen.",
            f => [f.Radio<FollowUpCircle>(nameof(OpenFollowUp.Circle), "Hvem følges der op på?")],
            (f, version) => f.Valg<FollowUpCircle>(nameof(OpenFollowUp.Circle), "Vælg hvem der følges op på.") is { } circle ? new OpenFollowUp(version, circle) : null,
            (id, c, s, h) => Post<OpenFollowUp>(OpenFollowUpEndpoint.Post, id, c, s, h)),

        new(CaseAction.FollowUpCompletion, "follow-up-completion",
            "Opfølgningen på de afledte effekter er gennemført (§4.3). Den ansvarlige for opfølgningen, sagens ansvarlige eller koordinatoren afslutter den.",
            _ => [],
            (f, version) => UnfinishedFollowUp.Chosen(f) is { } part ? new PartCommand(part, new CompleteFollowUp(version)) : null,
            (id, c, s, h) => OnPart<CompleteFollowUp>(CompleteFollowUpEndpoint.Post, id, c, s, h),
            UnfinishedFollowUp),

        new(CaseAction.Evaluation, "evaluation",
            "Evaluering af forløbet (§4.2.2 III).",
            f => [
                f.Radio<EvaluationOutcome>(nameof(EvaluateCourse.Outcome), "Resultat"),
                f.Tekstfelt(nameof(EvaluateCourse.Notes), "Noter", "Gemmes krypteret på sagen.")
            ],
            (f, version) => f.Valg<EvaluationOutcome>(nameof(EvaluateCourse.Outcome), "Vælg resultatet af forløbet.") is { } outcome
                ? new EvaluateCourse(version, outcome, f.Tekst(nameof(EvaluateCourse.Notes))) : null,
            (id, c, s, h) => Post<EvaluateCourse>(EvaluateCourseEndpoint.Post, id, c, s, h)),

        new(CaseAction.Closure, "closure",
            "Sagen lukkes. Derefter kan der kun tilføjes en genåbning.",
            _ => [],
            (_, version) => new CloseCase(version),
            (id, c, s, h) => Post<CloseCase>(CloseCaseEndpoint.Post, id, c, s, h)),

        new(CaseAction.Reopening, "reopening",
            "Sagen genåbnes og går tilbage til vurdering.",
            f => [f.Tekstfelt(nameof(ReopenCase.Reason), "Begrundelse", required: true)],
            (f, version) => f.Påkrævet(nameof(ReopenCase.Reason), "Skriv hvorfor sagen genåbnes.") is { } reason ? new ReopenCase(version, reason) : null,
            (id, c, s, h) => Post<ReopenCase>(ReopenCaseEndpoint.Post, id, c, s, h)),

        new(CaseAction.Disclosures, "disclosures",
            "En videregivelse efter retsplejelovens §115 registreres på sagen, så den kan dokumenteres bagefter: modtager, hvad der er delt, hjemmel og hvorfor det var nødvendigt.",
            f => [
                f.Liste<RecipientType>("RecipientType", "Modtagerens type", tom: "Vælg modtager"),
                f.Tekstlinje("RecipientName", "Modtagende myndighed eller institution", "Fx Hjørring Kommune, Børn og Familie. Aldrig en privatperson.", required: true),
                f.Tekstlinje("RecipientRole", "Modtagerens funktion", "Fx sagsbehandler. En funktion, ikke et navn.", required: true),
                f.Radio<Cooperation>("Cooperation", "Samarbejde"),
                f.Radio<Provision>("Provision", "Hjemmel", "Politiet videregiver efter stk. 1, andre myndigheder efter stk. 2, selvejende institutioner efter stk. 3."),
                f.Radio<DisclosurePurpose>("Purpose", "Formål"),
                f.Afkrydsning<DataCategory>("Categories", "Hvilke oplysninger er delt?"),
                f.Tekstfelt("Necessity", "Hvorfor var videregivelsen nødvendig?", "Gemmes krypteret på sagen.", required: true)
            ],
            (f, version) =>
            {
                var type = f.Valg<RecipientType>("RecipientType", "Vælg modtagerens type.");
                var name = f.Påkrævet("RecipientName", "Skriv den modtagende myndighed eller institution.");
                var role = f.Påkrævet("RecipientRole", "Skriv modtagerens funktion.");
                var cooperation = f.Valg<Cooperation>("Cooperation", "Vælg samarbejdet.");
                var provision = f.Valg<Provision>("Provision", "Vælg hjemlen.");
                var purpose = f.Valg<DisclosurePurpose>("Purpose", "Vælg formålet.");
                var categories = f.Flere<DataCategory>("Categories");
                if (categories.Count == 0) f.State.AddModelError("Categories", "Vælg mindst én slags oplysninger.");
                var necessity = f.Påkrævet("Necessity", "Skriv hvorfor videregivelsen var nødvendig.");
                return type is { } t && name is not null && role is not null && cooperation is { } c && provision is { } p && purpose is { } u
                    && categories.Count > 0 && necessity is not null
                    ? new DiscloseInformation(version, new Recipient(t, name, role), new LegalBasis(c, p, u), categories, necessity)
                    : null;
            },
            (id, c, s, h) => Post<DiscloseInformation>(DiscloseInformationEndpoint.Post, id, c, s, h)),

        // Linking has no step of its own in the plan: it runs beside it, like the journal, so the journal's rule opens the form.
        new(CaseAction.Notes, "links",
            "Sagen forbindes med en beslægtet sag (søskende, samme gruppe eller miljø). Forbindelsen står på begge sager.",
            f => [
                f.Tekstlinje("Reference", "Den anden sags reference", "Fx 2026-0042.", required: true),
                f.Radio<LinkReason>(nameof(LinkCases.Reason), "Hvorfor hænger sagerne sammen?")
            ],
            (f, version) =>
            {
                var reference = f.Påkrævet("Reference", "Skriv den anden sags reference.");
                var reason = f.Valg<LinkReason>(nameof(LinkCases.Reason), "Vælg hvorfor sagerne hænger sammen.");
                return reference is not null && reason is { } r ? new LinkByReference(version, reference, r) : null;
            },
            LinkByReference,
            Title: "Forbind med en anden sag"),

        new(CaseAction.CrisisCommunication, "internal-communications",
            "Intern kommunikation ved en krise (§5.3.1): sendes af en leder, bredt, og fortæller hvad der gøres, hvem der handler, hvordan man skal forholde sig, og hvem man kontakter.",
            f => [
                f.Bekræftelse(nameof(SendInternalCommunication.SenderIsManager), "Afsenderen er leder"),
                f.Tekstlinje(nameof(SendInternalCommunication.SenderFunction), "Afsenderens funktion", "Fx skoleleder. En funktion, ikke et navn.", required: true),
                f.Afkrydsning<InternalAudience>(nameof(SendInternalCommunication.Audience), "Modtagere"),
                f.Tekstfelt(nameof(SendInternalCommunication.WhatIsDone), "Hvad gøres der?", required: true),
                f.Tekstfelt(nameof(SendInternalCommunication.WhoActs), "Hvem handler?", required: true),
                f.Tekstfelt(nameof(SendInternalCommunication.HowToBehave), "Hvordan skal man forholde sig?", required: true),
                f.Tekstlinje(nameof(SendInternalCommunication.Contact), "Hvem kontaktes ved spørgsmål?", required: true)
            ],
            (f, version) =>
            {
                var function = f.Påkrævet(nameof(SendInternalCommunication.SenderFunction), "Skriv afsenderens funktion.");
                var what = f.Påkrævet(nameof(SendInternalCommunication.WhatIsDone), "Skriv hvad der gøres.");
                var who = f.Påkrævet(nameof(SendInternalCommunication.WhoActs), "Skriv hvem der handler.");
                var how = f.Påkrævet(nameof(SendInternalCommunication.HowToBehave), "Skriv hvordan man skal forholde sig.");
                var contact = f.Påkrævet(nameof(SendInternalCommunication.Contact), "Skriv hvem der kontaktes ved spørgsmål.");
                return function is not null && what is not null && who is not null && how is not null && contact is not null
                    ? new SendInternalCommunication(version, f.Flag(nameof(SendInternalCommunication.SenderIsManager)), function,
                        f.Flere<InternalAudience>(nameof(SendInternalCommunication.Audience)), what, who, how, contact)
                    : null;
            },
            (id, c, s, h) => Post<SendInternalCommunication>(SendInternalCommunicationEndpoint.Post, id, c, s, h),
            Title: "Send intern kommunikation"),

        new(CaseAction.CrisisCommunication, "heads-informed",
            "Begge chefer orienteres, før noget når pressen (§5.3.2).",
            f => [
                f.Bekræftelse(nameof(RecordHeadsInformed.HeadOfChildrenAndFamily), "Chefen for Børn og Familie er orienteret"),
                f.Bekræftelse(nameof(RecordHeadsInformed.HeadOfLocalPolice), "Chefen for lokalpolitiet er orienteret")
            ],
            (f, version) => new RecordHeadsInformed(version, f.Flag(nameof(RecordHeadsInformed.HeadOfChildrenAndFamily)), f.Flag(nameof(RecordHeadsInformed.HeadOfLocalPolice))),
            (id, c, s, h) => Post<RecordHeadsInformed>(RecordHeadsInformedEndpoint.Post, id, c, s, h),
            Title: "Registrér at cheferne er orienteret", Path: "press/heads-informed"),

        new(CaseAction.CrisisCommunication, "spokesperson",
            "Kommunen udpeger en talsperson, angivet ved funktion (§5.3.2).",
            f => [f.Tekstlinje(nameof(AppointSpokesperson.Function), "Talspersonens funktion", "Fx kommunaldirektør. En funktion, ikke et navn.", required: true)],
            (f, version) => f.Påkrævet(nameof(AppointSpokesperson.Function), "Skriv talspersonens funktion.") is { } function ? new AppointSpokesperson(version, function) : null,
            (id, c, s, h) => Post<AppointSpokesperson>(AppointSpokespersonEndpoint.Post, id, c, s, h),
            Title: "Udpeg talsperson", Path: "press/spokesperson"),

        new(CaseAction.CrisisCommunication, "press-message",
            "3–5 kernebudskaber om den generelle forebyggende indsats (§5.3.2). Aldrig oplysninger om personen.",
            f => [f.Tekstfelt(nameof(IssuePressMessage.KeyMessages), "Kernebudskaber", "Ét budskab pr. linje, 3–5 linjer.", required: true)],
            (f, version) => Lines(f.Påkrævet(nameof(IssuePressMessage.KeyMessages), "Skriv kernebudskaberne, ét pr. linje.")) is { Count: > 0 } lines
                ? new IssuePressMessage(version, lines) : null,
            (id, c, s, h) => Post<IssuePressMessage>(IssuePressMessageEndpoint.Post, id, c, s, h),
            Title: "Send pressemeddelelse", Path: "press/messages"),

        new(CaseAction.Registration, "registration",
            "Den anonyme registrering (§4.2.2 III) suppleres eller rettes med det, Infohuset har fået at vide siden modtagelsen. Formularen viser registreringen, som den står nu; hele registreringen gemmes, som den står efter rettelsen.",
            f => [
                f.Talfelt("Age", "Alder (år)", "Lad feltet stå tomt, hvis alderen ikke kendes."),
                f.Radio<Gender>("Gender", "Køn"),
                f.Liste<NationalityGroup>("Nationality", "Nationalitet", tom: "Vælg"),
                f.Bydele("District", "Bydel / lokalområde"),
                f.Liste<FamilyNetwork>("Family", "Familie og netværk", tom: "Vælg"),
                f.Liste<Attachment>("Attachment", "Tilknytning til skole, uddannelse og arbejde", tom: "Vælg"),
                f.Liste<IdeologyCategory>("Ideology", "Ideologi", tom: "Vælg"),
                f.Afkrydsning<WarningSign>("WarningSigns", "Særlige kendetegn ved bekymringen")
            ],
            (f, version) =>
            {
                var age = f.Tal("Age", "Skriv alderen som et helt antal år, eller lad feltet stå tomt.");
                var gender = f.Valg<Gender>("Gender", "Vælg køn (eller Ukendt).");
                var nationality = f.Valg<NationalityGroup>("Nationality", "Vælg nationalitet (eller Ukendt).");
                var district = f.Påkrævet("District", "Vælg bydel eller lokalområde (eller Ukendt).");
                var family = f.Valg<FamilyNetwork>("Family", "Vælg familie og netværk (eller Ukendt).");
                var attachment = f.Valg<Attachment>("Attachment", "Vælg tilknytning (eller Ukendt).");
                var ideology = f.Valg<IdeologyCategory>("Ideology", "Vælg ideologi (eller Uklar).");
                return f.State.IsValid && gender is { } g && nationality is { } n && district is not null && family is { } fa && attachment is { } at && ideology is { } i
                    ? new CorrectRegistration(version, new Registration(age, g, n, district, fa, at, i, f.Flere<WarningSign>("WarningSigns")))
                    : null;
            },
            (id, c, s, h) => CorrectRegistrationEndpoint.Post(id, (CorrectRegistration)c, s, h, Plan(h)),
            Prefill: state => new()
            {
                ["Age"] = state.Registration.Age?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                ["Gender"] = state.Registration.Gender.ToString(),
                ["Nationality"] = state.Registration.Nationality.ToString(),
                ["District"] = state.Registration.District,
                ["Family"] = state.Registration.Family.ToString(),
                ["Attachment"] = state.Registration.Attachment.ToString(),
                ["Ideology"] = state.Registration.Ideology.ToString(),
                ["WarningSigns"] = new([.. state.Registration.WarningSigns.Select(w => w.ToString())])
            }),

        new(CaseAction.Notes, "notes",
            "Et journalnotat på sagen: en linje i tidslinjen, teksten gemmes krypteret.",
            f => [
                f.Radio<JournalNoteKind>(nameof(AddJournalNote.Kind), "Slags notat"),
                f.Tekstfelt(nameof(AddJournalNote.Text), "Notat", required: true)
            ],
            (f, version) =>
            {
                var kind = f.Valg<JournalNoteKind>(nameof(AddJournalNote.Kind), "Vælg slags notat.");
                var text = f.Påkrævet(nameof(AddJournalNote.Text), "Skriv notatet.");
                return kind is { } k && text is not null ? new AddJournalNote(version, k, text) : null;
            },
            (id, c, s, h) => Post<AddJournalNote>(AddJournalNoteEndpoint.Post, id, c, s, h)),
    ];

    public static StepForm? For(string segment) => All.FirstOrDefault(s => s.Segment == segment);

    public static StepForm? For(CaseAction action) => All.FirstOrDefault(s => s.Action == action);

    /// <summary>Every form of the steps allowed, in the plan's order (a step may have several forms).</summary>
    public static IReadOnlyList<StepForm> Of(IEnumerable<CaseAction> allowed)
    {
        var set = allowed.ToHashSet();
        return [.. set.Select(a => (Action: a, Order: Array.IndexOf(Enum.GetValues<CaseAction>(), a)))
            .OrderBy(a => a.Order).SelectMany(a => All.Where(f => f.Action == a.Action))];
    }
}
