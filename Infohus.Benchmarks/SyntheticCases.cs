using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;
using Marten;

namespace Infohus.Benchmarks;

/// <summary>
/// Case histories for the benchmark, decided by the plan's own decision functions (so every stored
/// history is one the API could have produced), with sealed personal text under a real case key.
/// Referrals arrive at a national rate, one every <see cref="Interval"/>, going back from now: a
/// bigger store is a longer history, not a busier year.
/// </summary>
public sealed class SyntheticCases(PersonalDataProtection protection, DateTimeOffset now, int seed)
{
    /// <summary>About 4 400 referrals a year: 98 municipalities at some 45 each.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(2);

    private static readonly MemberRef Bfu = new("bench-bfu", Role.Member, Department.Bfu);
    private static readonly MemberRef Police = new("bench-police", Role.Member, Department.Police);
    private static readonly string[] Levels = ["acute", "high", "moderate", "low"];

    private readonly Random _random = new(seed);
    private readonly ActionPlanSettings _plan = ActionPlanSettings.Defaults();
    private long _made;

    public static readonly Recipient School = new(RecipientType.School, "Bench School", "Head of school");
    public static readonly LegalBasis Ssp = new(Cooperation.Ssp, Provision.Stk2, DisclosurePurpose.CrimePrevention);
    public static readonly DataCategory[] Categories = [DataCategory.SchoolOrEducation, DataCategory.ConcernDescription];
    public const string Necessity = "The school must know of the concern to support the pupil in the coming weeks.";

    public sealed record Made(Guid Id, CaseKey Key, IReadOnlyList<object> Events);

    /// <summary>A complete course: referral to closing for most, with §115 disclosures on the way (about nine events).</summary>
    public Made Closed()
    {
        var n = Interlocked.Increment(ref _made);
        var referredAt = now - Interval * n;
        var (made, state, cipher) = Open(referredAt, 7 * 24);
        var later = state.Assessment!.AssessedAt.AddDays(1);
        if (state.Assessment.ConcernsExtremism)
        {
            Add(made, ref state, state.Disclose(Guid.CreateVersion7(), School, Ssp, Categories, cipher.Seal(Necessity), later, Bfu));
            if (_random.Next(4) == 0) Add(made, ref state, state.ReportToPetEae(later, Police));
            Add(made, ref state, state.GiveFeedback(FeedbackKind.Guidance, later, Bfu));
            Add(made, ref state, state.HandOver("School", later, Bfu));
            Add(made, ref state, state.Evaluate(Pick(Enum.GetValues<EvaluationOutcome>()), null, later.AddDays(30), Bfu));
        }
        else
        {
            Add(made, ref state, state.Redirect("Children and Family", RedirectionReason.Wellbeing, later, Bfu));
        }
        Add(made, ref state, state.Close(later.AddDays(40), Bfu));
        return made;
    }

    /// <summary>An open case that has been assessed and given feedback: ready for §115 disclosures (five events).</summary>
    public Made Working()
    {
        var (made, state, _) = Open(now.AddDays(-3), 2, extremism: true);
        Add(made, ref state, state.GiveFeedback(FeedbackKind.Guidance, state.Assessment!.AssessedAt, Bfu));
        return made;
    }

    private (Made, Case, CaseCipher) Open(DateTimeOffset referredAt, int maxHoursToAssess, bool? extremism = null)
    {
        var id = Guid.CreateVersion7();
        var (key, cipher) = protection.NewKey(id, referredAt);
        var registration = new Registration(_random.Next(8, 70), PickEnum<Gender>(), PickEnum<NationalityGroup>(), Pick(_plan.Districts),
            PickEnum<FamilyNetwork>(), PickEnum<Attachment>(), PickEnum<IdeologyCategory>(), [PickEnum<WarningSign>()]);
        var made = new Made(id, key, new List<object>());
        var state = Start(made, ReceiveReferralStep.ReceiveReferral(id, ReferralSource.Employee, ReferralChannel.Phone, PickEnum<ReferrerOrganisation>(),
            registration, cipher.Seal("A teacher has noticed a change in the pupil's statements and friends."),
            new SubjectDetails(cipher.Seal("Bench Person"), cipher.Seal("010101-1234"), null, null), ReferrerDetails.None, null, _plan, referredAt, Bfu));
        Add(made, ref state, state.InformManager(referredAt.AddMinutes(30), Bfu));
        Add(made, ref state, state.HoldInterview(true, true, cipher.Seal("Interview notes."), referredAt.AddHours(1), Bfu));
        var concern = extremism ?? _random.Next(5) > 0;
        var assessedAt = referredAt.AddHours(_random.Next(1, maxHoursToAssess));
        Add(made, ref state, concern
            ? state.Assess(true, Pick(Levels), PreventionTier.Specific, [Department.Bfu, Department.Police], _plan, assessedAt, Bfu)
            : state.Assess(false, null, null, [Department.Bfu], _plan, assessedAt, Bfu));
        return (made, state, cipher);
    }

    /// <summary>Stores cases with their keys in one transaction.</summary>
    public static async Task Store(IDocumentStore store, IEnumerable<Made> cases, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        foreach (var made in cases)
        {
            session.Store(made.Key);
            session.Events.StartStream<Case>(made.Id, made.Events);
        }
        await session.SaveChangesAsync(cancellation);
    }

    private static Case Start(Made made, Decision decision)
    {
        Accepted(decision);
        ((List<object>)made.Events).AddRange(decision.Events);
        return CaseReplay.Replay(decision.Events);
    }

    private static void Add(Made made, ref Case state, Decision decision)
    {
        Accepted(decision);
        ((List<object>)made.Events).AddRange(decision.Events);
        foreach (var e in decision.Events) state = state.Then(e);
    }

    private static void Accepted(Decision decision)
    {
        if (decision.Refusal is { } refusal)
            throw new InvalidOperationException($"The synthetic history broke a rule: {refusal.Reason}");
    }

    private T Pick<T>(IReadOnlyList<T> options) => options[_random.Next(options.Count)];

    private T PickEnum<T>() where T : struct, Enum => Pick(Enum.GetValues<T>());
}
