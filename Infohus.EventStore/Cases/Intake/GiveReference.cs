namespace Infohus.EventStore.Cases;

/// <summary>A case from before references gets one, once; a case that has its reference keeps it.</summary>
public static class GiveReferenceStep
{
    public static Decision GiveReference(this Case state, string reference, DateTimeOffset at) =>
        state.Reference is not null
            ? Refusal.Conflict("The case has its reference.")
            : Decision.Accept(new CaseReferenceGiven(state.Id, reference, at));
}
