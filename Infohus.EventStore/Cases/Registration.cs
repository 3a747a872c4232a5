using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>Who brought the concern to the Infohus (afsender af bekymringen).</summary>
public enum ReferralSource { Employee, ExternalPartner, Citizen, NationalHotline, Police }

public enum ReferralChannel { InPerson, Phone, Email, Letter, Other }

/// <summary>The referrer's department or organisation, coded for the anonymous register.</summary>
public enum ReferrerOrganisation
{
    School,
    Daycare,
    YouthEducation,
    VocationalEducation,
    ChildAndFamily,
    SocialServices,
    JobCentre,
    Health,
    ElderlyCare,
    Disability,
    Psychiatry,
    Police,
    PrisonAndProbation,
    Housing,
    Association,
    PrivateCitizen,
    Other
}

public enum Gender { Female, Male, Other, Unknown }

public enum NationalityGroup { Danish, Nordic, Eu, NonEu, Stateless, Unknown }

/// <summary>Familie og netværk, coded.</summary>
public enum FamilyNetwork { Supportive, Strained, InConflict, ExtremistRelations, Isolated, Unknown }

/// <summary>Tilknytning til skole, uddannelse og arbejde, coded.</summary>
public enum Attachment { School, Education, Work, Unemployed, NotAttached, Retired, Unknown }

public enum IdeologyCategory { RightWing, LeftWing, Islamist, SingleIssue, Mixed, Unclear }

public enum WarningSign
{
    SocialIsolation,
    ChangedBehaviour,
    ExtremistPropaganda,
    OnlineRadicalContent,
    ContactWithExtremists,
    HostilityTowardsSociety,
    ViolentStatements,
    InterestInViolence,
    TravelPlans,
    Other
}

/// <summary>
/// The §4.2.2 III registration fields known at intake, coded so that the anonymous register and the
/// statistics can use them without free text. Age is in whole years, null while unknown; it also routes
/// a citizen's referral. District is a code from the configured list of districts (bydel / lokalområde).
/// </summary>
public sealed record Registration(
    int? Age,
    Gender Gender,
    NationalityGroup Nationality,
    string District,
    FamilyNetwork Family,
    Attachment Attachment,
    IdeologyCategory Ideology,
    IReadOnlyList<WarningSign> WarningSigns);

/// <summary>
/// A member added or corrected the coded registration (§4.2.2 III) with what the Infohus learned after
/// intake, e.g. in the interview or from the citizen: the whole registration as it now reads.
/// </summary>
public sealed record RegistrationCorrected(Guid CaseId, Registration Registration, DateTimeOffset CorrectedAt, MemberRef CorrectedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => CorrectedAt; MemberRef? ICaseEvent.Actor => CorrectedBy; }

/// <summary>The registration's own rules: what it may hold, at intake and when it is completed or corrected later.</summary>
public static class RegistrationRules
{
    /// <summary>Why a registration cannot be kept as given, or null.</summary>
    public static Refusal? Invalid(Registration registration, ActionPlanSettings plan)
    {
        if (registration.Age is < 0 or > 125)
            return Refusal.Invalid("The age must be a number of years between 0 and 125, or null when it is unknown.");
        if (!plan.KnowsDistrict(registration.District))
            return Refusal.Invalid($"Unknown district code. Known districts: {string.Join(", ", plan.Districts)}.");
        return null;
    }

    /// <summary>Warning signs are a set: each once, in the order first given.</summary>
    public static Registration Normalised(this Registration registration) =>
        registration with { WarningSigns = [.. registration.WarningSigns.Distinct()] };

    /// <summary>The same coded fields; the warning signs in any order.</summary>
    public static bool SameAs(this Registration registration, Registration other) =>
        registration with { WarningSigns = other.WarningSigns } == other && registration.WarningSigns.ToHashSet().SetEquals(other.WarningSigns);
}
