using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

/// <summary>The crime-prevention cooperation a disclosure is made in.</summary>
public enum Cooperation { Ssp, Psp, Ksp, Infohus }

/// <summary>Retsplejelovens §115: stk. 1 (the police discloses), stk. 2 (any authority in the cooperation), stk. 3 (self-governing institutions).</summary>
public enum Provision { Stk1, Stk2, Stk3 }

/// <summary>Who receives the information. The last four are never covered by §115.</summary>
public enum RecipientType
{
    Police,
    MunicipalSocialServices,
    School,
    Employment,
    Health,
    Psychiatry,
    PrisonAndProbation,
    SelfGoverningInstitution,
    PrivatePerson,
    Press,
    Employer,
    Other
}

public enum DisclosurePurpose { CrimePrevention, AssessmentOfConcern, CoordinatedEffort, CrisisTeam, CriminalInvestigation }

public enum DataCategory
{
    Identity,
    ContactDetails,
    FamilyCircumstances,
    SocialCircumstances,
    SchoolOrEducation,
    Employment,
    Health,
    PoliticalOrReligiousBeliefs,
    CriminalOffences,
    ConcernDescription
}

/// <summary>Who receives: the kind of authority, its name and the recipient's function (an organisation, not a person).</summary>
public sealed record Recipient(RecipientType Type, string Name, string Role);

/// <summary>On what basis: the cooperation, the provision of §115 and the purpose.</summary>
public sealed record LegalBasis(Cooperation Cooperation, Provision Provision, DisclosurePurpose Purpose);

/// <summary>
/// Videregivelse under retsplejelovens §115: who shared what with whom, on which basis, and why it
/// was necessary (sealed: it may describe the person).
/// </summary>
public sealed record InformationDisclosed(
    Guid CaseId,
    Guid DisclosureId,
    Recipient Recipient,
    LegalBasis Basis,
    IReadOnlyList<DataCategory> Categories,
    PersonalText Necessity,
    DateTimeOffset DisclosedAt,
    MemberRef DisclosedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => DisclosedAt; MemberRef? ICaseEvent.Actor => DisclosedBy; }
