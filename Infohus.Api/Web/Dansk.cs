using System.Globalization;
using Infohus.EventStore.Members;

namespace Infohus.Api.Web;

/// <summary>
/// What staff read: dates and times in Danish as Copenhagen shows them, and the plan's own Danish words
/// for the coded values. One place, so a page, its print and its CSV say the same.
/// </summary>
public static class Dansk
{
    // The projects run in invariant globalization (no ICU), so the Danish month names are our own.
    private static readonly string[] Months =
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Copenhagen);

    /// <summary>"3. februar 2026 kl. 14.05"</summary>
    public static string Tidspunkt(DateTimeOffset at) => $"{Dato(at)} kl. {Local(at).ToString("HH.mm", CultureInfo.InvariantCulture)}";

    public static string Tidspunkt(DateTimeOffset? at) => at is { } a ? Tidspunkt(a) : "";

    /// <summary>"3. februar 2026"</summary>
    public static string Dato(DateTimeOffset at)
    {
        var local = Local(at);
        return $"{local.Day}. {Months[local.Month - 1]} {local.Year}";
    }

    /// <summary>"03.02.2026 14.05", for tables.</summary>
    public static string Kort(DateTimeOffset at) => Local(at).ToString("dd.MM.yyyy HH.mm", CultureInfo.InvariantCulture);

    /// <summary>"3. februar 2026" for a calendar date.</summary>
    public static string Dato(DateOnly date) => $"{date.Day}. {Months[date.Month - 1]} {date.Year}";

    public static string Kort(DateTimeOffset? at) => at is { } a ? Kort(a) : "";

    public static string Ord(Enum value) => value switch
    {
        Role r => r switch
        {
            Role.Member => "Medlem", Role.Coordinator => "Koordinator (SSP-konsulent)", Role.Steering => "Styregruppe",
            Role.Auditor => "Revision", Role.Legal => "Jura", _ => r.ToString()
        },
        Department d => d switch
        {
            Department.Bfu => "BFU", Department.Saeh => "SÆH", Department.Au => "AU", Department.Police => "Lokalpolitiet", _ => d.ToString()
        },
        CaseStatus s => s switch { CaseStatus.Open => "Åben", CaseStatus.Closed => "Lukket", _ => s.ToString() },
        ReferralSource s => s switch
        {
            ReferralSource.Employee => "Medarbejder", ReferralSource.ExternalPartner => "Ekstern samarbejdspartner",
            ReferralSource.Citizen => "Borger", ReferralSource.NationalHotline => "Den nationale hotline", ReferralSource.Police => "Politiet", _ => s.ToString()
        },
        ReferralChannel c => c switch
        {
            ReferralChannel.InPerson => "Personligt fremmøde", ReferralChannel.Phone => "Telefon", ReferralChannel.Email => "E-mail",
            ReferralChannel.Letter => "Brev", ReferralChannel.Other => "Andet", _ => c.ToString()
        },
        ReferrerOrganisation o => o switch
        {
            ReferrerOrganisation.School => "Skole", ReferrerOrganisation.Daycare => "Dagtilbud", ReferrerOrganisation.YouthEducation => "Ungdomsuddannelse",
            ReferrerOrganisation.VocationalEducation => "Erhvervsuddannelse", ReferrerOrganisation.ChildAndFamily => "Børn og Familie",
            ReferrerOrganisation.SocialServices => "Socialforvaltning", ReferrerOrganisation.JobCentre => "Jobcenter", ReferrerOrganisation.Health => "Sundhed",
            ReferrerOrganisation.ElderlyCare => "Ældrepleje", ReferrerOrganisation.Disability => "Handicap", ReferrerOrganisation.Psychiatry => "Psykiatri",
            ReferrerOrganisation.Police => "Politi", ReferrerOrganisation.PrisonAndProbation => "Kriminalforsorgen", ReferrerOrganisation.Housing => "Boligområde",
            ReferrerOrganisation.Association => "Forening", ReferrerOrganisation.PrivateCitizen => "Privat borger", ReferrerOrganisation.Other => "Andet", _ => o.ToString()
        },
        Gender g => g switch { Gender.Female => "Kvinde", Gender.Male => "Mand", Gender.Other => "Andet", Gender.Unknown => "Ukendt", _ => g.ToString() },
        NationalityGroup n => n switch
        {
            NationalityGroup.Danish => "Dansk", NationalityGroup.Nordic => "Nordisk", NationalityGroup.Eu => "EU", NationalityGroup.NonEu => "Uden for EU",
            NationalityGroup.Stateless => "Statsløs", NationalityGroup.Unknown => "Ukendt", _ => n.ToString()
        },
        FamilyNetwork f => f switch
        {
            FamilyNetwork.Supportive => "Støttende", FamilyNetwork.Strained => "Belastet", FamilyNetwork.InConflict => "I konflikt",
            FamilyNetwork.ExtremistRelations => "Relationer til ekstremister", FamilyNetwork.Isolated => "Isoleret", FamilyNetwork.Unknown => "Ukendt", _ => f.ToString()
        },
        Attachment a => a switch
        {
            Attachment.School => "Skole", Attachment.Education => "Uddannelse", Attachment.Work => "Arbejde", Attachment.Unemployed => "Ledig",
            Attachment.NotAttached => "Ingen tilknytning", Attachment.Retired => "Pensionist", Attachment.Unknown => "Ukendt", _ => a.ToString()
        },
        IdeologyCategory i => i switch
        {
            IdeologyCategory.RightWing => "Højreekstremisme", IdeologyCategory.LeftWing => "Venstreekstremisme", IdeologyCategory.Islamist => "Islamisme",
            IdeologyCategory.SingleIssue => "Enkeltsag", IdeologyCategory.Mixed => "Blandet", IdeologyCategory.Unclear => "Uklar", _ => i.ToString()
        },
        WarningSign w => w switch
        {
            WarningSign.SocialIsolation => "Social isolation", WarningSign.ChangedBehaviour => "Ændret adfærd", WarningSign.ExtremistPropaganda => "Ekstremistisk propaganda",
            WarningSign.OnlineRadicalContent => "Radikaliserende indhold online", WarningSign.ContactWithExtremists => "Kontakt med ekstremister",
            WarningSign.HostilityTowardsSociety => "Fjendtlighed mod samfundet", WarningSign.ViolentStatements => "Voldelige udtalelser",
            WarningSign.InterestInViolence => "Interesse for vold", WarningSign.TravelPlans => "Rejseplaner", WarningSign.Other => "Andet", _ => w.ToString()
        },
        PreventionTier t => t switch
        {
            PreventionTier.General => "Opbyggende indsats", PreventionTier.Specific => "Foregribende indsats", PreventionTier.Targeted => "Indgribende indsats", _ => t.ToString()
        },
        CitizenRoute r => r switch
        {
            CitizenRoute.SspConsultant => "SSP-konsulenten (under 18 år)", CitizenRoute.PoliceRepresentative => "Politiets repræsentant (18 år og derover)",
            CitizenRoute.CoordinatorTriage => "Koordinatoren (alder ukendt)", _ => r.ToString()
        },
        CitizenGuidance g => g switch
        {
            CitizenGuidance.Police114 => "Mistanke om ulovlige handlinger: politiet på 114",
            CitizenGuidance.Emergency112 => "Akut fare: ring 112",
            CitizenGuidance.NationalHotline => "Rådgivning: den nationale hotline mod radikalisering (kl. 8-22)", _ => g.ToString()
        },
        RedirectionReason r => r switch
        {
            RedirectionReason.NegativeSocialControl => "Negativ social kontrol", RedirectionReason.ForcedMarriage => "Tvangsægteskab",
            RedirectionReason.HonourRelatedConflict => "Æresrelateret konflikt", RedirectionReason.Crime => "Kriminalitet",
            RedirectionReason.Wellbeing => "Trivsel", RedirectionReason.Other => "Andet", _ => r.ToString()
        },
        FeedbackKind f => f switch
        {
            FeedbackKind.Guidance => "a) Vejledning om konkrete forebyggende tiltag", FeedbackKind.Targeted => "b) Målrettet indsats: Infohuset indgår i krisegruppen", _ => f.ToString()
        },
        InterventionKind k => InterventionWord(k),
        InterventionDecision d => d switch { InterventionDecision.Granted => "Bevilget", InterventionDecision.Refused => "Afslået", _ => d.ToString() },
        FollowUpCircle c => c switch
        {
            FollowUpCircle.Family => "Familie", FollowUpCircle.Siblings => "Søskende", FollowUpCircle.Friends => "Venner", FollowUpCircle.Network => "Netværk", _ => c.ToString()
        },
        EvaluationOutcome e => e switch
        {
            EvaluationOutcome.ConcernResolved => "Bekymringen er løst", EvaluationOutcome.ConcernReduced => "Bekymringen er mindsket",
            EvaluationOutcome.Unchanged => "Uændret", EvaluationOutcome.ConcernIncreased => "Bekymringen er øget", EvaluationOutcome.NotPossible => "Evaluering ikke mulig", _ => e.ToString()
        },
        JournalNoteKind k => k switch
        {
            JournalNoteKind.PhoneCall => "Telefonsamtale", JournalNoteKind.SchoolContact => "Kontakt med skolen", JournalNoteKind.Meeting => "Møde", JournalNoteKind.Other => "Andet", _ => k.ToString()
        },
        DocumentKind k => k switch
        {
            DocumentKind.InterviewForm => "Interviewskema", DocumentKind.PreparednessPlan => "Beredskabsplan", DocumentKind.Letter => "Brev", DocumentKind.Other => "Andet", _ => k.ToString()
        },
        LinkReason r => r switch
        {
            LinkReason.Sibling => "Søskende", LinkReason.SameGroup => "Samme gruppe", LinkReason.SameMilieu => "Samme miljø", LinkReason.Other => "Andet", _ => r.ToString()
        },
        CaseAction a => Trin(a),
        RecipientType t => Tilsyn.JuraOrd.Modtager(t),
        Cooperation c => Tilsyn.JuraOrd.Samarbejde(c),
        Provision p => Tilsyn.JuraOrd.Bestemmelse(p),
        DisclosurePurpose p => Tilsyn.JuraOrd.Formaal(p),
        DataCategory d => Tilsyn.JuraOrd.Kategori(d),
        InternalAudience a => a switch
        {
            InternalAudience.Politicians => "Politikere", InternalAudience.Managers => "Ledere", InternalAudience.Staff => "Medarbejdere", _ => a.ToString()
        },
        Infohus.EventStore.Meetings.MeetingKind k => k switch
        {
            Infohus.EventStore.Meetings.MeetingKind.Monthly => "Månedligt møde", Infohus.EventStore.Meetings.MeetingKind.AdHoc => "Ekstraordinært møde", _ => k.ToString()
        },
        TriageSource t => t switch { TriageSource.Referrer => "Afsenderen", TriageSource.ReceivingMember => "Det modtagende medlem", _ => t.ToString() },
        // The outreach codes in the half-year report's words.
        Infohus.EventStore.Outreach.AdviceTopic t => Tilsyn.StatistikOrd.Emne(Legal.LegalCsv.Code(t)),
        Infohus.EventStore.Outreach.AdviceOutcome o => Tilsyn.StatistikOrd.Udfald(Legal.LegalCsv.Code(o)),
        Infohus.EventStore.Outreach.InstitutionType i => Tilsyn.StatistikOrd.Institution(Legal.LegalCsv.Code(i)),
        Infohus.EventStore.Outreach.CourseProvider p => Tilsyn.StatistikOrd.Udbyder(Legal.LegalCsv.Code(p)),
        _ => value.ToString()
    };

    private static string InterventionWord(InterventionKind kind) => kind switch
    {
        InterventionKind.SupportContactPerson => "Støttekontaktperson",
        InterventionKind.SpecialisedMentor => "Specialiseret mentor",
        InterventionKind.ParentCoach => "Forældrecoach",
        InterventionKind.ExitProgramme => "Exitprogram",
        InterventionKind.EducationOffer => "Uddannelsestilbud",
        InterventionKind.EmploymentOffer => "Beskæftigelsestilbud",
        InterventionKind.Other => "Andet",
        _ => kind.ToString()
    };

    /// <summary>The case list's stage codes in the plan's words.</summary>
    public static string Stade(string stage) => stage switch
    {
        "received" => "Modtaget",
        "routed" => "Fordelt (borgerhenvendelse)",
        "citizen-guided" => "Borgeren er vejledt",
        "manager-informed" => "Nærmeste leder orienteret",
        "interviewed" => "Bekymringssamtale holdt",
        "assessed" => "Vurderet",
        "reassessed" => "Vurderet igen",
        "redirected" => "Videresendt",
        "feedback-given" => "Tilbagemelding givet",
        "handed-over" => "Overdraget",
        "crisis-team" => "Krisegruppe nedsat",
        "evaluated" => "Forløbet evalueret",
        "closed" => "Lukket",
        "reopened" => "Genåbnet",
        _ => stage
    };

    /// <summary>The default districts' codes as Hjørring names them; a configured district shows its own code.</summary>
    public static string Bydel(string district) => district switch
    {
        "hjoerring" => "Hjørring", "hirtshals" => "Hirtshals", "sindal" => "Sindal", "vraa" => "Vrå", "taars" => "Tårs",
        "loekken" => "Løkken", "bindslev" => "Bindslev", "tversted" => "Tversted", "rural" => "Landdistrikt",
        "other" => "Andet", "unknown" => "Ukendt", _ => district
    };

    /// <summary>The default concern levels' codes in Danish; a configured level shows its own code.</summary>
    public static string Niveau(string? level) => level switch
    {
        null => "Ikke vurderet",
        "acute" => "Akut (samme dag)",
        "high" => "Høj (inden for 24 timer)",
        "moderate" => "Moderat (inden for 7 dage)",
        "low" => "Lav (næste månedlige møde)",
        _ => level
    };

    /// <summary>A timeline line's kind (the stored event type) as a heading in the plan's words.</summary>
    public static string Hændelse(string kind) => kind switch
    {
        "referral_received" => "Bekymringshenvendelse modtaget",
        "citizen_referral_routed" => "Borgerhenvendelse fordelt",
        "citizen_referral_rerouted" => "Borgerhenvendelse fordelt på ny",
        "registration_corrected" => "Registrering rettet",
        "citizen_guided" => "Borgeren vejledt",
        "nearest_manager_informed" => "Nærmeste leder orienteret",
        "concern_interview_held" => "Bekymringssamtale holdt",
        "concern_assessed" => "Bekymringen vurderet",
        "concern_reassessed" => "Bekymringen vurderet igen",
        "referral_redirected" => "Videresendt",
        "reported_to_pet_eae" => "Indberettet til PET/EAE",
        "regional_infohus_informed" => "Infohus Nordjylland orienteret via EAE",
        "feedback_given" => "Tilbagemelding givet",
        "case_handed_over" => "Sagen overdraget",
        "crisis_team_convened" => "Krisegruppe nedsat",
        "preparedness_plan_adopted" => "Beredskabsplan vedtaget",
        "intervention_recommended" => "Indsats anbefalet",
        "intervention_decided" => "Myndighedens afgørelse om indsats",
        "follow_up_opened" => "Opfølgning oprettet",
        "follow_up_assigned" => "Opfølgning tildelt",
        "follow_up_completed" => "Opfølgning afsluttet",
        "course_evaluated" => "Forløbet evalueret",
        "case_closed" => "Sagen lukket",
        "case_reopened" => "Sagen genåbnet",
        "reaction_deadline_missed" => "Reaktionsfrist overskredet",
        "personal_data_erased" => "Personoplysninger slettet",
        "case_assigned" => "Sagen tildelt",
        "case_reference_given" => "Sagsnummer givet",
        "intake_triaged" => "Første bekymringsniveau ved modtagelsen",
        "journal_note_added" => "Journalnotat",
        "document_attached" => "Dokument vedhæftet",
        "cases_linked" => "Sager forbundet",
        "information_disclosed" => "Oplysninger videregivet (§115)",
        _ => kind.Replace('_', ' ')
    };

    /// <summary>The steps as the buttons on the case page name them.</summary>
    public static string Trin(CaseAction action) => action switch
    {
        CaseAction.ManagerInformed => "Nærmeste leder er orienteret",
        CaseAction.Interview => "Hold bekymringssamtale",
        CaseAction.Assessment => "Vurdér bekymringen",
        CaseAction.Redirection => "Videresend (ikke radikalisering)",
        CaseAction.PetEaeReport => "Indberet til PET/EAE",
        CaseAction.Feedback => "Giv tilbagemelding",
        CaseAction.CitizenGuidance => "Registrér vejledning af borgeren",
        CaseAction.Handover => "Overdrag sagen",
        CaseAction.CrisisTeam => "Nedsæt krisegruppe",
        CaseAction.PreparednessPlan => "Vedtag beredskabsplan",
        CaseAction.Interventions => "Anbefal indsats",
        CaseAction.InterventionDecision => "Registrér myndighedens afgørelse",
        CaseAction.FollowUps => "Opret opfølgning (afledte effekter)",
        CaseAction.Evaluation => "Evaluér forløbet",
        CaseAction.Closure => "Luk sagen",
        CaseAction.Reopening => "Genåbn sagen",
        CaseAction.Disclosures => "Registrér videregivelse (§115)",
        CaseAction.CrisisCommunication => "Krisekommunikation",
        CaseAction.Registration => "Ret registreringen",
        CaseAction.Claim => "Tag sagen",
        CaseAction.Assignment => "Tildel sagen",
        CaseAction.FollowUpCompletion => "Afslut opfølgning",
        CaseAction.Reassessment => "Vurdér bekymringen igen",
        CaseAction.Notes => "Skriv journalnotat",
        CaseAction.Documents => "Vedhæft dokument",
        _ => action.ToString()
    };
}
