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
/// statistics can use them without free text. Age is in whole years; it also routes a citizen's
/// referral. District is a code from the configured list of districts (bydel / lokalområde).
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
