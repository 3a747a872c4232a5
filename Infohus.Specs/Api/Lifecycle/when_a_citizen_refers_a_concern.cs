using Infohus.Api.Cases.Guiding;
using Infohus.Api.Cases.Registering;
using Infohus.Projections.Register;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Api.Lifecycle;

public class when_a_citizen_refers_a_concern(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task a_concern_about_a_15_year_old_goes_to_the_ssp_consultant()
    {
        var answer = await Host.Post("/api/cases", Given.CitizenReferral(15), Caller.AuMember);

        answer.Status.ShouldBe(HttpStatusCode.Created, answer.ToString());
        answer.Location.ShouldBe($"/api/cases/{answer.Id}");
        answer.Body!["route"]!.GetValue<string>().ShouldBe("ssp-consultant");
        answer.Body!["responsibleDepartment"]!.GetValue<string>().ShouldBe("bfu");
        var view = await Host.Get($"/api/cases/{answer.Id}", Caller.SspConsultant);
        view.Body!["state"]!["route"]!.GetValue<string>().ShouldBe("ssp-consultant");
    }

    [Fact]
    public async Task a_concern_about_a_30_year_old_goes_to_the_police_representative()
    {
        var answer = await Host.Post("/api/cases", Given.CitizenReferral(30), Caller.SaehMember);

        answer.Status.ShouldBe(HttpStatusCode.Created, answer.ToString());
        answer.Body!["route"]!.GetValue<string>().ShouldBe("police-representative");
        answer.Body!["responsibleDepartment"]!.GetValue<string>().ShouldBe("police");
    }

    [Fact]
    public async Task the_answer_tells_the_member_where_to_guide_the_citizen()
    {
        var answer = await Host.Post("/api/cases",
            Given.CitizenReferral(30, new CitizenSituation(SuspectedIllegalActs: true, Acute: true, WantsAdvice: true)), Caller.PoliceMember);

        var guidance = answer.Body!["guidance"]!.AsArray();
        guidance.Select(g => g!["code"]!.GetValue<string>()).ShouldBe(["police114", "emergency112", "national-hotline"]);
        guidance.Select(g => g!["text"]!.GetValue<string>()).ShouldAllBe(text => text.Length > 10);
    }

    [Fact]
    public async Task a_citizen_case_is_assessed_without_manager_or_interview()
    {
        var answer = await Host.Post("/api/cases", Given.CitizenReferral(17), Caller.SspConsultant);
        var @case = new CaseRef(answer.Id, answer.Version);

        var allowed = await Allowed(@case, Caller.SspConsultant);
        allowed.ShouldContain("assessment");
        allowed.ShouldNotContain("interview");

        await Host.Step(@case, "assessment", new AssessConcern(@case.Version, true, [Department.Bfu], "low", PreventionTier.General), Caller.SspConsultant);
    }

    [Fact]
    public async Task a_concern_without_the_persons_age_is_received_and_waits_for_the_ssp_consultant_to_triage_with_the_age_unknown()
    {
        var answer = await Host.Post("/api/cases", Given.CitizenReferral(null), Caller.AuMember);

        answer.Status.ShouldBe(HttpStatusCode.Created, answer.ToString());
        answer.Body!["route"]!.GetValue<string>().ShouldBe("coordinator-triage");
        answer.Body!["responsibleDepartment"]!.GetValue<string>().ShouldBe("bfu");
        var state = (await Host.Get($"/api/cases/{answer.Id}", Caller.SspConsultant)).Body!["state"]!;
        state["registration"]!["age"].ShouldBeNull();
        state["assignedTo"].ShouldBeNull();
        Ids(await Host.Get("/api/cases?department=bfu", Caller.SspConsultant)).ShouldBe([answer.Id]);
        (await Register(answer.Id)).AgeBand.ShouldBe(AgeBands.Unknown);
        (await Host.Get($"/api/cases/{answer.Id}/timeline", Caller.SspConsultant)).Body!.AsArray()[1]!["sentence"]!.GetValue<string>()
            .ShouldStartWith("Citizen's referral received without the person's age: the SSP consultant (the coordinator) triages it");
    }

    [Fact]
    public async Task when_a_member_completes_the_registration_with_the_age_the_routing_the_list_the_timeline_and_the_register_follow()
    {
        var @case = await Host.Referral(Given.CitizenReferral(null), Caller.SspConsultant);
        var learned = Given.Registration(age: 34, district: "sindal") with { Family = FamilyNetwork.ExtremistRelations };

        var corrected = await Host.Post(@case.Url("registration"), new CorrectRegistration(@case.Version, learned), Caller.SspConsultant);

        corrected.Status.ShouldBe(HttpStatusCode.OK, corrected.ToString());
        corrected.Version.ShouldBe(@case.Version + 2);
        var state = (await Host.Get(@case.Url(), Caller.PoliceMember)).Body!["state"]!;
        state["registration"]!["age"]!.GetValue<int>().ShouldBe(34);
        state["registration"]!["district"]!.GetValue<string>().ShouldBe("sindal");
        state["route"]!.GetValue<string>().ShouldBe("police-representative");
        state["responsibleDepartment"]!.GetValue<string>().ShouldBe("police");
        Ids(await Host.Get("/api/cases?department=police", Caller.PoliceMember)).ShouldBe([@case.Id]);
        Ids(await Host.Get("/api/cases?department=bfu", Caller.PoliceMember)).ShouldBeEmpty();
        var timeline = (await Host.Get(@case.Url("timeline"), Caller.PoliceMember)).Body!.AsArray();
        timeline.Select(l => l!["kind"]!.GetValue<string>()).TakeLast(2).ShouldBe(["registration_corrected", "citizen_referral_rerouted"]);
        timeline[^2]!["sentence"]!.GetValue<string>().ShouldContain("age 34");
        timeline[^1]!["sentence"]!.GetValue<string>().ShouldBe("The person's age is known: the citizen's referral is routed to the police representative.");
        var register = await Register(@case.Id);
        register.AgeBand.ShouldBe("25-39");
        register.District.ShouldBe("sindal");
        register.Family.ShouldBe(FamilyNetwork.ExtremistRelations);

        // The same registration again corrects nothing.
        (await Host.Post(@case.Url("registration"), new CorrectRegistration(corrected.Version, learned), Caller.PoliceMember))
            .Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task the_handling_member_guides_the_citizen_and_closes_the_case_without_the_employees_course()
    {
        var @case = await Host.Referral(Given.CitizenReferral(16), Caller.SspConsultant);
        (await Allowed(@case, Caller.SspConsultant)).ShouldContain("citizen-guidance");
        (await Allowed(@case, Caller.SspConsultant)).ShouldNotContain("closure");
        (await Allowed(@case, Caller.PoliceMember)).ShouldNotContain("citizen-guidance");

        var byThePolice = await Host.Post(@case.Url("citizen-guidance"), new GuideCitizen(@case.Version, [CitizenGuidance.NationalHotline]), Caller.PoliceMember);
        byThePolice.Status.ShouldBe(HttpStatusCode.Forbidden, byThePolice.ToString());
        byThePolice.Detail.ShouldContain("§4.2.2 II a");
        @case = await Host.Step(@case, "citizen-guidance", new GuideCitizen(@case.Version, [CitizenGuidance.Police114, CitizenGuidance.NationalHotline]), Caller.SspConsultant);
        (await Allowed(@case, Caller.SspConsultant)).ShouldContain("closure");
        @case = await Host.Step(@case, "closure", new CloseCase(@case.Version), Caller.SspConsultant);

        var view = await Host.Get(@case.Url(), Caller.SspConsultant);
        view.Body!["state"]!["status"]!.GetValue<string>().ShouldBe("closed");
        view.Body!["state"]!["guidedTo"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["police114", "national-hotline"]);
        (await Host.StoredEvents(@case.Id)).Select(e => e.EventType).ShouldBe([typeof(ReferralReceived), typeof(CitizenReferralRouted), typeof(CitizenGuided), typeof(CaseClosed)]);
        (await Host.Get(@case.Url("timeline"), Caller.SspConsultant)).Body!.AsArray()[2]!["sentence"]!.GetValue<string>()
            .ShouldBe("The citizen was guided to police114, national hotline.");
        (await Register(@case.Id)).CoursePlan.ShouldBe(CoursePlan.CitizenGuidance);
    }

    [Fact]
    public async Task feedback_a_and_a_hand_over_to_the_referring_authority_are_refused_for_a_citizen_naming_the_plan()
    {
        var @case = await Host.Referral(Given.CitizenReferral(16), Caller.SspConsultant);
        @case = await Host.Step(@case, "assessment", new AssessConcern(@case.Version, true, [Department.Bfu], "moderate", PreventionTier.Specific), Caller.SspConsultant);

        var feedback = await Host.Post(@case.Url("feedback"), new GiveFeedback(@case.Version, FeedbackKind.Guidance), Caller.SspConsultant);
        var handOver = await Host.Post(@case.Url("handover"), new HandOver(@case.Version, "The parents"), Caller.SspConsultant);

        feedback.Status.ShouldBe(HttpStatusCode.UnprocessableEntity, feedback.ToString());
        feedback.Detail.ShouldContain("§4.2.2 I a");
        handOver.Status.ShouldBe(HttpStatusCode.UnprocessableEntity, handOver.ToString());
        handOver.Detail.ShouldContain("§4.2.2 II");
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
        (await Allowed(@case, Caller.SspConsultant)).ShouldBe(["assessment", "citizen-guidance", "disclosures", "registration", "assignment", "notes", "documents"]);
    }

    [Fact]
    public async Task a_citizens_concern_goes_into_the_targeted_course_like_any_case()
    {
        var @case = await Host.Referral(Given.CitizenReferral(30), Caller.PoliceMember);
        @case = await Host.Step(@case, "citizen-guidance", new GuideCitizen(@case.Version, [CitizenGuidance.Police114]), Caller.PoliceMember);
        @case = await Host.Step(@case, "assessment", new AssessConcern(@case.Version, true, [Department.Bfu, Department.Police], "high", PreventionTier.Targeted), Caller.PoliceMember);
        @case = await Host.Step(@case, "pet-eae-report", new ReportToPetEae(@case.Version), Caller.PoliceMember);
        @case = await Host.Step(@case, "feedback", new GiveFeedback(@case.Version, FeedbackKind.Targeted), Caller.PoliceMember);
        @case = await Host.Step(@case, "crisis-team", new ConveneCrisisTeam(@case.Version, [Department.Au, Department.Police]), Caller.PoliceMember);
        (await Host.Post(@case.Url("closure"), new CloseCase(@case.Version), Caller.PoliceMember)).Status.ShouldBe(HttpStatusCode.Conflict);
        @case = await Host.Step(@case, "evaluation", new EvaluateCourse(@case.Version, EvaluationOutcome.ConcernReduced), Caller.PoliceMember);
        @case = await Host.Step(@case, "closure", new CloseCase(@case.Version), Caller.PoliceMember);

        (await Register(@case.Id)).CoursePlan.ShouldBe(CoursePlan.CrisisTeam);
    }

    private async Task<IReadOnlyList<string>> Allowed(CaseRef @case, Caller caller) =>
        [.. (await Host.Get(@case.Url(), caller)).Body!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>())];

    private async Task<RegisterEntry> Register(Guid caseId)
    {
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<RegisterEntry>(caseId)).ShouldNotBeNull();
    }

    private static Guid[] Ids(Answer answer)
    {
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        return [.. answer.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())];
    }
}
