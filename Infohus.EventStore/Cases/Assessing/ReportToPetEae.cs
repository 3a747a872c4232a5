using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>The local police reports the case to PET and EAE (§4.2.2 I, §4.3 I).</summary>
public static class ReportToPetEaeStep
{
    public static Refusal? Rule(Case state, MemberRef actor)
    {
        // §4.2.2 I and §4.3 I: the local police reports to PET and EAE.
        if (actor.Department != Department.Police)
            return Refusal.Forbidden("Only the local police representative reports to PET/EAE (§4.3 I).");
        if (CaseRules.ExtremismAssessed(state) is { } refusal) return refusal;
        return state.ReportedToPetEae ? Refusal.Conflict("The case has already been reported to PET/EAE.") : null;
    }

    // §2.1: "Infohus Nordjylland underrettes via EAE": the report also informs the regional Infohus.
    public static Decision ReportToPetEae(this Case state, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.PetEaeReport, actor) ?? Decision.Accept(new ReportedToPetEae(state.Id, at, actor),
            new RegionalInfohusInformed(state.Id, RegionalInfohusInformed.ThroughEae, at, actor));
}
