using Alba;
using Infohus.Api.Cases.Intake;

namespace Infohus.Specs.Support;

/// <summary>A case as a spec knows it: its id and the version to send with the next step.</summary>
public sealed record CaseRef(Guid Id, long Version)
{
    public string Url(string action = "") => action.Length == 0 ? $"/api/cases/{Id}" : $"/api/cases/{Id}/{action}";
}

/// <summary>Given state, built through the API the way members build it.</summary>
public static class Given
{
    public static Registration Registration(int? age = 16, string district = "hirtshals") => new(
        age, Gender.Male, NationalityGroup.Danish, district, FamilyNetwork.Strained, Attachment.School,
        IdeologyCategory.RightWing, [WarningSign.OnlineRadicalContent, WarningSign.SocialIsolation]);

    public static ReceiveReferral EmployeeReferral(int? age = 16) => new(
        ReferralSource.Employee, ReferralChannel.InPerson, ReferrerOrganisation.School, Registration(age),
        "A teacher is worried about a pupil's statements.");

    public static ReceiveReferral CitizenReferral(int? age, CitizenSituation? situation = null) => new(
        ReferralSource.Citizen, ReferralChannel.Phone, ReferrerOrganisation.PrivateCitizen, Registration(age),
        "A parent is worried about a family member.", CitizenSituation: situation);

    /// <summary>A §115 disclosure to the school under stk. 2, for the coordinated effort: allowed on any open case by a member.</summary>
    public static Infohus.Api.Cases.Disclosing.DiscloseInformation Disclosure(long version, RecipientType recipient = RecipientType.School, Provision provision = Provision.Stk2) =>
        new(version, new Recipient(recipient, "Hirtshals Skole", "school leader"), new LegalBasis(Cooperation.Ssp, provision, DisclosurePurpose.CoordinatedEffort),
            [DataCategory.SchoolOrEducation], "The school must know to support the pupil.");

    public static async Task<CaseRef> Referral(this IAlbaHost host, ReceiveReferral referral, Caller? by = null)
    {
        var answer = await host.Post("/api/cases", referral, by ?? Caller.BfuMember);
        answer.Status.ShouldBe(HttpStatusCode.Created, answer.ToString());
        return new CaseRef(answer.Id, answer.Version);
    }

    public static Task<CaseRef> ReferralFromEmployee(this IAlbaHost host) => host.Referral(EmployeeReferral());

    /// <summary>Takes a step that must be accepted, and returns the case at its new version.</summary>
    public static async Task<CaseRef> Step(this IAlbaHost host, CaseRef @case, string action, object body, Caller? by = null)
    {
        var answer = await host.Post(@case.Url(action), body, by ?? Caller.BfuMember);
        answer.Status.ShouldBe(HttpStatusCode.OK, $"{action}: {answer}");
        return @case with { Version = answer.Version };
    }

    public static async Task<CaseRef> InterviewedReferral(this IAlbaHost host)
    {
        var @case = await host.ReferralFromEmployee();
        @case = await host.Step(@case, "manager-informed", new InformManager(@case.Version));
        return await host.Step(@case, "interview", new HoldInterview(@case.Version, true, true));
    }

    public static async Task<CaseRef> AssessedReferral(this IAlbaHost host, PreventionTier tier, string level = "moderate")
    {
        var @case = await host.InterviewedReferral();
        return await host.Step(@case, "assessment",
            new AssessConcern(@case.Version, true, [Department.Bfu, Department.Police], level, tier));
    }

    public static async Task<CaseRef> NotExtremismReferral(this IAlbaHost host)
    {
        var @case = await host.InterviewedReferral();
        return await host.Step(@case, "assessment", new AssessConcern(@case.Version, false, [Department.Bfu, Department.Saeh]));
    }

    public static async Task<CaseRef> TargetedWithFeedback(this IAlbaHost host)
    {
        var @case = await host.AssessedReferral(PreventionTier.Targeted, "high");
        return await host.Step(@case, "feedback", new GiveFeedback(@case.Version, FeedbackKind.Targeted));
    }

    public static async Task<CaseRef> WithCrisisTeam(this IAlbaHost host)
    {
        var @case = await host.TargetedWithFeedback();
        return await host.Step(@case, "crisis-team", new ConveneCrisisTeam(@case.Version, [Department.Bfu, Department.Police]));
    }

    public static async Task<CaseRef> HandedOver(this IAlbaHost host)
    {
        var @case = await host.AssessedReferral(PreventionTier.Specific);
        @case = await host.Step(@case, "feedback", new GiveFeedback(@case.Version, FeedbackKind.Guidance));
        return await host.Step(@case, "handover", new HandOver(@case.Version, "Hirtshals School"));
    }

    public static async Task<CaseRef> ClosedCase(this IAlbaHost host)
    {
        var @case = await host.HandedOver();
        @case = await host.Step(@case, "evaluation", new EvaluateCourse(@case.Version, EvaluationOutcome.ConcernReduced));
        return await host.Step(@case, "closure", new CloseCase(@case.Version));
    }
}
