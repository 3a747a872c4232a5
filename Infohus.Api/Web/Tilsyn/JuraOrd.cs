using Infohus.EventStore.Cases;

namespace Infohus.Api.Web.Tilsyn;

/// <summary>The §115 disclosures, the access log, erasure and the verification in Danish, for legal's and the auditors' pages and their CSV.</summary>
public static class JuraOrd
{
    public static string Modtager(RecipientType type) => type switch
    {
        RecipientType.Police => "Politiet",
        RecipientType.MunicipalSocialServices => "Kommunens sociale myndigheder",
        RecipientType.School => "Skole",
        RecipientType.Employment => "Beskæftigelse",
        RecipientType.Health => "Sundhed",
        RecipientType.Psychiatry => "Psykiatrien",
        RecipientType.PrisonAndProbation => "Kriminalforsorgen",
        RecipientType.SelfGoverningInstitution => "Selvejende institution",
        RecipientType.PrivatePerson => "Privatperson",
        RecipientType.Press => "Pressen",
        RecipientType.Employer => "Arbejdsgiver",
        RecipientType.Other => "Andet",
        _ => type.ToString()
    };

    public static string Samarbejde(Cooperation cooperation) => cooperation switch
    {
        Cooperation.Ssp => "SSP", Cooperation.Psp => "PSP", Cooperation.Ksp => "KSP", Cooperation.Infohus => "Infohuset", _ => cooperation.ToString()
    };

    public static string Bestemmelse(Provision provision) => provision switch
    {
        Provision.Stk1 => "§115, stk. 1", Provision.Stk2 => "§115, stk. 2", Provision.Stk3 => "§115, stk. 3", _ => provision.ToString()
    };

    public static string Formaal(DisclosurePurpose purpose) => purpose switch
    {
        DisclosurePurpose.CrimePrevention => "Kriminalitetsforebyggelse",
        DisclosurePurpose.AssessmentOfConcern => "Vurdering af bekymringen",
        DisclosurePurpose.CoordinatedEffort => "Koordineret indsats",
        DisclosurePurpose.CrisisTeam => "Krisegruppen",
        DisclosurePurpose.CriminalInvestigation => "Efterforskning af en straffesag",
        _ => purpose.ToString()
    };

    public static string Kategori(DataCategory category) => category switch
    {
        DataCategory.Identity => "Identitet",
        DataCategory.ContactDetails => "Kontaktoplysninger",
        DataCategory.FamilyCircumstances => "Familieforhold",
        DataCategory.SocialCircumstances => "Sociale forhold",
        DataCategory.SchoolOrEducation => "Skole eller uddannelse",
        DataCategory.Employment => "Beskæftigelse",
        DataCategory.Health => "Helbred",
        DataCategory.PoliticalOrReligiousBeliefs => "Politisk eller religiøs overbevisning",
        DataCategory.CriminalOffences => "Strafbare forhold",
        DataCategory.ConcernDescription => "Beskrivelse af bekymringen",
        _ => category.ToString()
    };

    public static string Sletningsgrund(ErasureReason reason) => reason switch
    {
        ErasureReason.RetentionExpired => "Opbevaringsperioden er udløbet",
        ErasureReason.DataSubjectRequest => "Den registreredes anmodning om sletning",
        ErasureReason.NoLongerNecessary => "Oplysningerne er ikke længere nødvendige",
        ErasureReason.Unlawful => "Oplysningerne er behandlet ulovligt",
        _ => reason.ToString()
    };

    /// <summary>A role's claim value ("auditor") in Danish.</summary>
    public static string Rolle(string role) =>
        Enum.TryParse<EventStore.Members.Role>(role, ignoreCase: true, out var r) ? Dansk.Ord(r) : role;

    public static string Forvaltning(string? department) =>
        department is null ? "" : Enum.TryParse<EventStore.Members.Department>(department, ignoreCase: true, out var d) ? Dansk.Ord(d) : department;

    /// <summary>Where the personal data was read, as the access log names the endpoint.</summary>
    public static string Laest(string endpoint) => endpoint switch
    {
        "GET /api/cases/{id}" => "Sagen",
        "GET /api/cases/{id}/timeline" => "Tidslinjen",
        "GET /api/cases/{id}/events" => "Hændelserne (revision)",
        "GET /api/disclosures" => "Videregivelsesloggen",
        _ when endpoint.Contains("/documents", StringComparison.Ordinal) => "Et dokument",
        _ => endpoint
    };

    public static string Brud(string kind) => kind switch
    {
        "event-altered" => "Hændelse ændret",
        "event-missing" => "Hændelse mangler",
        "stream-deleted" => "Sag slettet",
        "order-changed" => "Rækkefølge ændret",
        "event-forged" => "Hændelse indsat uden om kæden",
        "tombstone-forged" => "Falsk gravsten",
        "chain-rewritten" => "Kæde omskrevet",
        "checkpoint-mismatch" => "Kontrolpunkt stemmer ikke",
        _ => kind
    };
}
