using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

/// <summary>A disclosure under retsplejelovens §115, only between the authorities and institutions it names.</summary>
public static class DiscloseInformationStep
{
    /// <summary>§115 sharing belongs to an open case the Infohus is still involved in; the rules of its content are in the decision.</summary>
    public static Refusal? Rule(Case state) => null;

    public static Decision Disclose(
        this Case state, Guid disclosureId, Recipient recipient, LegalBasis basis, IReadOnlyList<DataCategory> categories,
        PersonalText? necessity, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Disclosures, actor) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(recipient.Name) || string.IsNullOrWhiteSpace(recipient.Role))
            return Refusal.Invalid("Name the recipient authority or institution and the recipient's role.");
        if (categories.Count == 0) return Refusal.Invalid("Name the categories of data shared.");
        if (necessity is null) return Refusal.Invalid("Say why the disclosure was necessary for crime prevention.");

        if (recipient.Type is RecipientType.PrivatePerson or RecipientType.Press or RecipientType.Employer or RecipientType.Other)
            return Refusal.RuleBroken("§115 covers only authorities and institutions: the police, municipal social, school, employment and health authorities, psychiatry, the Prison and Probation Service, and self-governing institutions under stk. 3 — never a private person, the press or an employer.");
        // §115 stk. 2: never for the purpose of investigating a criminal case.
        if (basis.Purpose == DisclosurePurpose.CriminalInvestigation)
            return Refusal.RuleBroken("Information may not be shared under §115 for the investigation of a criminal case (stk. 2).");
        // §115 stk. 1: the police passes information to the other authorities.
        if (basis.Provision == Provision.Stk1 && actor.Department != Department.Police)
            return Refusal.RuleBroken("Under §115 stk. 1 the discloser is the police; other authorities disclose under stk. 2.");
        if (recipient.Type == RecipientType.SelfGoverningInstitution && basis.Provision != Provision.Stk3)
            return Refusal.RuleBroken("A self-governing institution takes part under §115 stk. 3.");

        return Decision.Accept(new InformationDisclosed(state.Id, disclosureId,
            recipient with { Name = recipient.Name.Trim(), Role = recipient.Role.Trim() }, basis, [.. categories.Distinct()], necessity, at, actor));
    }
}
