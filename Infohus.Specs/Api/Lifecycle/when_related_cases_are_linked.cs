using Infohus.Api.Cases.Erasing;
using Infohus.Api.Cases.Linking;

namespace Infohus.Specs.Api.Lifecycle;

/// <summary>Issue 15 point 2: related cases (siblings, the same group or milieu) are linked, and each case shows the link.</summary>
public class when_related_cases_are_linked(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task the_link_with_its_reason_appears_on_both_cases_and_their_timelines()
    {
        var first = await Host.ReferralFromEmployee();
        var sibling = await Host.ReferralFromEmployee();

        var answer = await Host.Post(first.Url("links"), new LinkCases(first.Version, sibling.Id, LinkReason.Sibling), Caller.SaehMember);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.Version.ShouldBe(first.Version + 1);
        (await Host.StoredVersion(sibling.Id)).ShouldBe(sibling.Version + 1);
        foreach (var (@case, other) in new[] { (first, sibling), (sibling, first) })
        {
            var links = (await Host.Get(@case.Url(), Caller.BfuMember)).Body!["state"]!["links"]!.AsArray();
            links.Count.ShouldBe(1);
            links[0]!["otherCaseId"]!.GetValue<Guid>().ShouldBe(other.Id);
            links[0]!["reason"]!.GetValue<string>().ShouldBe("sibling");
            links[0]!["otherReference"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
            (await Host.StoredEvents(@case.Id)).Last().Data.ShouldBeOfType<CasesLinked>().OtherCaseId.ShouldBe(other.Id);
        }
    }

    [Fact]
    public async Task a_stale_version_a_second_link_an_unknown_case_itself_or_an_erased_case_are_refused_and_append_nothing()
    {
        var first = await Host.ReferralFromEmployee();
        var other = await Host.ReferralFromEmployee();
        var erased = await Host.ReferralFromEmployee();
        await Host.Step(erased, "erasure", new ErasePersonalData(erased.Version, ErasureReason.DataSubjectRequest), Caller.Legal);

        (await Host.Post(first.Url("links"), new LinkCases(first.Version + 5, other.Id, LinkReason.SameGroup), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.Conflict);
        (await Host.Post(first.Url("links"), new LinkCases(first.Version, Guid.CreateVersion7(), LinkReason.SameGroup), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.Post(first.Url("links"), new LinkCases(first.Version, first.Id, LinkReason.SameGroup), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.Post(first.Url("links"), new LinkCases(first.Version, erased.Id, LinkReason.SameMilieu), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.Conflict);
        (await Host.Post(first.Url("links"), new LinkCases(first.Version, other.Id, LinkReason.SameGroup), Caller.Auditor)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.StoredVersion(first.Id)).ShouldBe(first.Version);
        (await Host.StoredVersion(other.Id)).ShouldBe(other.Version);

        var linked = await Host.Step(first, "links", new LinkCases(first.Version, other.Id, LinkReason.SameGroup));
        (await Host.Post(other.Url("links"), new LinkCases(other.Version + 1, first.Id, LinkReason.Other), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.Conflict);
        (await Host.StoredVersion(first.Id)).ShouldBe(linked.Version);
    }
}
