using Infohus.EventStore.Cases;

namespace Infohus.Api.Web;

/// <summary>
/// The timeline's sentences in Danish, per event type, for the case page. The projection's sentence
/// (English, for the API) is the fallback for an event this page does not word, so nothing is lost.
/// The same plain fields as the projection's sentence; sealed texts stay behind the purpose.
/// </summary>
public static class Tidslinje
{
    /// <summary>The Danish sentence of each case event worded here, by version (the page falls back to the API's sentence).</summary>
    public static IReadOnlyDictionary<long, string> Sætninger(IEnumerable<JasperFx.Events.IEvent> events) =>
        events.Where(e => e.Data is ICaseEvent).Select(e => (e.Version, Sentence: Sætning((ICaseEvent)e.Data)))
            .Where(s => s.Sentence is not null).ToDictionary(s => s.Version, s => s.Sentence!);

    public static string? Sætning(ICaseEvent step) => step switch
    {
        ReferralReceived e => $"Henvendelse{(e.Reference is { } r ? $" {r}" : "")} modtaget fra {Lille(e.Source)} ({Dansk.Ord(e.ReferrerOrganisation)}), {Lille(e.Channel)}.",
        CitizenReferralRouted e => $"Borgerens henvendelse håndteres af {Lille(e.Route)}; borgeren er vejledt om {Liste(e.Guidance)}.",
        CitizenReferralRerouted e => $"Personens alder kendes nu: borgerens henvendelse håndteres af {Lille(e.Route)}.",
        RegistrationCorrected e => $"Registreringen er suppleret eller rettet: {Registrering(e.Registration)}.",
        CitizenGuided e => $"Borgeren er vejledt om {Liste(e.Guidance)}.",
        NearestManagerInformed => "Afsenderens nærmeste leder er orienteret.",
        ConcernInterviewHeld => "Bekymringssamtalen er holdt; medarbejderen har fået at vide, at henvendelsen ikke erstatter en underretning, og om underretningspligten til Udlændingestyrelsen.",
        ConcernAssessed { ConcernsExtremism: true } e => $"Bekymringen er vurderet: {Dansk.Niveau(e.ConcernLevel).ToLowerInvariant()}, {Lille(e.Tier!.Value)}; deltagere: {Liste(e.Participants)}.",
        ConcernAssessed e => $"Bekymringen handler ikke om radikalisering eller ekstremisme; deltagere: {Liste(e.Participants)}.",
        ConcernReassessed e => $"Bekymringen er vurderet igen: {Dansk.Niveau(e.ConcernLevel).ToLowerInvariant()}, {Lille(e.Tier)} (før: {Dansk.Niveau(e.PreviousConcernLevel).ToLowerInvariant()}); deltagere: {Liste(e.Participants)}.",
        ReferralRedirected e => $"Videresendt til {e.Body} ({Lille(e.Reason)}).",
        ReportedToPetEae => "Lokalpolitiet har indberettet sagen til PET og EAE.",
        RegionalInfohusInformed => "Infohus Nordjylland er orienteret med indberetningen.",
        FeedbackGiven e => $"Tilbagemelding {Dansk.Ord(e.Kind)}.",
        CaseHandedOver e => $"Overdraget til {e.ReceivingAuthority}; Infohuset er ikke længere involveret.",
        CrisisTeamConvened e => $"Krisegruppen er nedsat: {Liste(e.Departments)}.",
        PreparednessPlanAdopted => "Beredskabsplanen er vedtaget.",
        InterventionRecommended e => $"Indsats anbefalet: {Lille(e.Kind)}.",
        InterventionDecided e => $"Indsatsen er {Lille(e.Decision)} af {e.Authority}.",
        FollowUpOpened e => $"Opfølgning oprettet: {Lille(e.Circle)}.",
        FollowUpAssigned e => $"Ansvarlig for opfølgningen: {e.Owner.Name} ({Dansk.Ord(e.Owner.Department)}){(e.DueAt is { } due ? $", frist {Dansk.Tidspunkt(due)}" : "")}.",
        FollowUpCompleted => "Opfølgningen er afsluttet.",
        CaseReferenceGiven e => $"Sagen, der blev modtaget før sagerne fik numre, har fået nummeret {e.Reference}.",
        CaseAssigned { Claimed: true } e => $"{e.Assignee.Name} ({Dansk.Ord(e.Assignee.Department)}) har taget sagen.",
        CaseAssigned e => $"Sagen er tildelt {e.Assignee.Name} ({Dansk.Ord(e.Assignee.Department)}).",
        CourseEvaluated e => $"Forløbet er evalueret: {Lille(e.Outcome)}.",
        CaseClosed => "Sagen er lukket.",
        CaseReopened => "Sagen er genåbnet.",
        InformationDisclosed e => $"Oplysninger videregivet efter {Tilsyn.JuraOrd.Bestemmelse(e.Basis.Provision)} til {e.Recipient.Name} ({e.Recipient.Role}) i {Tilsyn.JuraOrd.Samarbejde(e.Basis.Cooperation)}-samarbejdet, formål: {Lille(e.Basis.Purpose)}; oplysninger: {string.Join(", ", e.Categories.Select(c => Tilsyn.JuraOrd.Kategori(c).ToLowerInvariant()))}.",
        ReactionDeadlineMissed e => $"Reaktionsfristen er overskredet: {(e.Phase == DeadlinePhase.Assessment ? "vurderingen" : "trinnet efter vurderingen")} skulle være sket {Dansk.Tidspunkt(e.DueAt)}.",
        InternalCommunicationSent e => $"Intern kommunikation sendt af {e.SenderFunction} til {Liste(e.Audience)}.",
        PressHeadsInformed => "Chefen for Børn og Familie og chefen for lokalpolitiet er orienteret før pressen.",
        SpokespersonAppointed e => $"Talsperson udpeget: {e.Function}.",
        PressMessageIssued e => $"Pressemeddelelse udsendt med {e.KeyMessages.Count} kernebudskaber om den generelle forebyggende indsats.",
        PersonalDataErased e => $"Personoplysningerne er slettet ({Tilsyn.JuraOrd.Sletningsgrund(e.Reason).ToLowerInvariant()}).",
        IntakeTriaged e => $"Første bekymringsniveau ved modtagelsen, givet af {Lille(e.GivenBy)}: {Dansk.Niveau(e.ConcernLevel).ToLowerInvariant()}; vurderingen skal ske senest {Dansk.Tidspunkt(e.AssessmentDueAt)}{(e.AdHocMeeting ? "; der skal holdes et ekstraordinært møde" : "")}.",
        JournalNoteAdded e => $"Journalnotat: {Lille(e.Kind)}.",
        DocumentAttached e => $"Dokument vedhæftet: {Lille(e.Kind)}, {e.Size / 1024 + 1} kB.",
        CasesLinked e => $"Forbundet med sag {e.OtherReference ?? e.OtherCaseId.ToString()} ({Lille(e.Reason)}).",
        _ => null
    };

    private static string Lille(Enum value) => Dansk.Ord(value) is var word && word.Length > 1 && !IsAcronym(word)
        ? char.ToLowerInvariant(word[0]) + word[1..] : Dansk.Ord(value);

    private static bool IsAcronym(string word) => word.Length > 1 && char.IsUpper(word[1]);

    private static string Liste<T>(IEnumerable<T> values) where T : struct, Enum =>
        values.Any() ? string.Join(", ", values.Select(v => Lille(v))) : "ingen";

    private static string Registrering(Registration r) =>
        $"alder {(r.Age is { } age ? $"{age} år" : "ukendt")}, køn {Lille(r.Gender)}, nationalitet {Lille(r.Nationality)}, bydel {Dansk.Bydel(r.District)}, " +
        $"familie {Lille(r.Family)}, tilknytning {Lille(r.Attachment)}, ideologi {Lille(r.Ideology)}, " +
        $"særlige kendetegn {(r.WarningSigns.Count == 0 ? "ingen" : Liste(r.WarningSigns))}";
}
