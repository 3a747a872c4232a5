namespace Infohus.Specs.Rules;

/// <summary>Case state folded from events in memory, the way Marten folds it: Create, then each Apply.</summary>
public static class History
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    public static readonly Guid CaseId = Guid.Parse("0195a1b2-0000-7000-8000-000000000001");
    public static readonly MemberRef Bfu = new("bfu-member", Role.Member, Department.Bfu);
    public static readonly MemberRef Police = new("police-member", Role.Member, Department.Police);
    public static readonly MemberRef Coordinator = new("ssp-consultant", Role.Coordinator, Department.Bfu);
    public static readonly MemberRef Saeh = new("saeh-member", Role.Member, Department.Saeh);
    public static readonly MemberRef Steering = new("steering-chief", Role.Steering, Department.Bfu);
    public static readonly ActionPlanSettings Plan = ActionPlanSettings.Defaults();

    public static Case Given(params object[] events) => CaseReplay.Replay(events);

    public static Registration Registration(int? age = 16) => new(age, Gender.Female, NationalityGroup.Danish, "sindal",
        FamilyNetwork.Supportive, Attachment.Education, IdeologyCategory.Islamist, [WarningSign.ChangedBehaviour]);

    public static ReferralReceived Referral(ReferralSource source = ReferralSource.Employee) =>
        new(CaseId, source, ReferralChannel.InPerson, ReferrerOrganisation.YouthEducation, Registration(), Text("Concern."),
            SubjectDetails.None, ReferrerDetails.None, Now, Bfu);

    /// <summary>A citizen's referral as intake decides it: the referral and its routing (§4.2.2 II).</summary>
    public static object[] CitizenReferral(int? age, MemberRef? receivedBy = null) =>
    [
        .. ReceiveReferralStep.ReceiveReferral(CaseId, ReferralSource.Citizen, ReferralChannel.Phone, ReferrerOrganisation.PrivateCitizen,
            Registration(age), Text("Worried about a young man at the station."), SubjectDetails.None, ReferrerDetails.None, null, Plan, Now,
            receivedBy ?? Bfu).Events
    ];

    /// <summary>Decisions only carry sealed text; the rules never look inside it, so a stand-in seal will do.</summary>
    public static PersonalText Text(string label) => new($"sealed:{label}");

    public static NearestManagerInformed ManagerInformed => new(CaseId, Now, Bfu);

    public static ConcernInterviewHeld Interviewed => new(CaseId, true, true, null, Now, Bfu);

    public static ConcernAssessed Assessed(PreventionTier tier, string level = "moderate") =>
        new(CaseId, true, level, tier, [Department.Bfu, Department.Police], Now, Bfu);

    public static ConcernAssessed NotExtremism => new(CaseId, false, null, null, [Department.Bfu], Now, Bfu);

    public static FeedbackGiven Feedback(FeedbackKind kind) => new(CaseId, kind, Now, Bfu);

    public static CrisisTeamConvened CrisisTeam => new(CaseId, [Department.Bfu, Department.Police], Now, Bfu);

    public static readonly Guid InterventionId = Guid.Parse("0195a1b2-0000-7000-8000-0000000000aa");

    public static InterventionRecommended Recommended => new(CaseId, InterventionId, InterventionKind.ParentCoach, Now, Bfu);

    public static Case Targeted(params object[] more) => Given([
        Referral(), ManagerInformed, Interviewed, Assessed(PreventionTier.Targeted, "high"), Feedback(FeedbackKind.Targeted), .. more]);

    public static Case Specific(params object[] more) => Given([
        Referral(), ManagerInformed, Interviewed, Assessed(PreventionTier.Specific), Feedback(FeedbackKind.Guidance), .. more]);

    public static void ShouldBeRefused(this Decision decision, RefusalKind kind)
    {
        decision.Refusal.ShouldNotBeNull($"expected a {kind} refusal, got events {string.Join(", ", decision.Events.Select(e => e.GetType().Name))}");
        decision.Refusal.Kind.ShouldBe(kind, decision.Refusal.Reason);
        decision.Events.ShouldBeEmpty();
    }

    public static T ShouldAccept<T>(this Decision decision)
    {
        decision.Refusal.ShouldBeNull();
        return decision.Events.ShouldHaveSingleItem().ShouldBeOfType<T>();
    }
}
