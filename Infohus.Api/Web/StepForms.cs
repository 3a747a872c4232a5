using Infohus.Api.Cases.Assessing;
using Infohus.Api.Cases.Assigning;
using Infohus.Api.Cases.Closing;
using Infohus.Api.Cases.Feedback;
using Infohus.Api.Cases.Guiding;
using Infohus.Api.Cases.Interviewing;
using Infohus.Api.Cases.Journal;
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
    Func<Guid, object, IDocumentSession, HttpContext, Task<IResult>> Call)
{
    public string ApiRoute(Guid caseId) => $"/api/cases/{caseId}/{Segment}";
}

public static class StepForms
{
    private static Task<IResult> Post<T>(Func<Guid, T, IDocumentSession, HttpContext, Task<IResult>> endpoint, Guid id, object command, IDocumentSession session, HttpContext context) =>
        endpoint(id, (T)command, session, context);

    private static IOptions<ActionPlanSettings> Plan(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<ActionPlanSettings>>();

    public static readonly IReadOnlyList<StepForm> All =
    [
        new(CaseAction.Claim, "claim", "Du tager sagen fra din forvaltnings kø og bliver ansvarlig for den.",
            _ => [],
            (_, version) => new ClaimCase(version),
            (id, c, s, h) => Post<ClaimCase>(ClaimCaseEndpoint.Post, id, c, s, h)),

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

        new(CaseAction.FollowUps, "follow-ups",
            "Opfølgning på afledte effekter omkring borgeren: familie, søskende, venner, netværk (§4.3). Du bliver ansvarlig for opfølgningen.",
            f => [f.Radio<FollowUpCircle>(nameof(OpenFollowUp.Circle), "Hvem følges der op på?")],
            (f, version) => f.Valg<FollowUpCircle>(nameof(OpenFollowUp.Circle), "Vælg hvem der følges op på.") is { } circle ? new OpenFollowUp(version, circle) : null,
            (id, c, s, h) => Post<OpenFollowUp>(OpenFollowUpEndpoint.Post, id, c, s, h)),

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
}
