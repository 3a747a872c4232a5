using Infohus.Api.Cases.Assigning;
using Infohus.Api.Web;
using Infohus.EventStore.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Infohus.Specs.Api.Assigning;

/// <summary>
/// The assignment form offers the members the municipality lists (<c>Infohus:Members</c>) instead of a
/// user id to type; without a list it asks for user id, name and department. The form reads as a
/// plain function of what was sent: no database.
/// </summary>
public class when_the_municipality_lists_its_members
{
    private static readonly StepForm Assignment = StepForms.All.Single(f => f.Action == CaseAction.Assignment);

    private static MemberDirectory Listed(params (string Key, string Value)[] settings) =>
        MemberDirectory.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    private static readonly MemberDirectory TwoMembers = Listed(
        ("Infohus:Members:0:Subject", "kommune-4711"), ("Infohus:Members:0:Name", "Mette Jensen"), ("Infohus:Members:0:Department", "Bfu"),
        ("Infohus:Members:1:Subject", "kommune-0815"), ("Infohus:Members:1:Name", "Peter Holm"), ("Infohus:Members:1:Department", "police"));

    private static Indtastning Sent(MemberDirectory members, params (string Name, string Value)[] fields) =>
        new(new FormCollection(fields.ToDictionary(f => f.Name, f => new StringValues(f.Value))), new ModelStateDictionary(), new ActionPlanSettings()) { Members = members };

    [Fact]
    public void the_form_offers_the_listed_members_by_name_and_department_and_assigns_the_one_chosen()
    {
        var fields = Assignment.Fields(Sent(TwoMembers));
        var member = fields.ShouldHaveSingleItem();
        member.Label.ShouldBe("Medlem");
        member.Options.Select(o => o.Text).ShouldBe(["Vælg medlem", "Mette Jensen (BFU)", "Peter Holm (Lokalpolitiet)"]);

        var command = Assignment.Command(Sent(TwoMembers, ("MemberId", "kommune-0815")), 3).ShouldBeOfType<AssignCase>();
        command.ShouldBe(new AssignCase(3, new Assignee("kommune-0815", "Peter Holm", Department.Police)));
    }

    [Fact]
    public void a_member_not_on_the_list_is_refused_on_the_field()
    {
        var input = Sent(TwoMembers, ("MemberId", "someone-else"), ("Name", "Typed Name"), ("Department", "Au"));
        Assignment.Command(input, 3).ShouldBeNull();
        input.State["MemberId"]!.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Vælg det medlem, sagen skal tildeles.");
    }

    [Fact]
    public void without_a_list_the_member_is_typed()
    {
        Assignment.Fields(Sent(MemberDirectory.None)).Select(f => f.Label).ShouldBe(["Medlemmets brugernavn", "Medlemmets navn", "Medlemmets forvaltning"]);
        Assignment.Command(Sent(MemberDirectory.None, ("MemberId", "au-member"), ("Name", "Anna Andersen"), ("Department", "Au")), 2)
            .ShouldBe(new AssignCase(2, new Assignee("au-member", "Anna Andersen", Department.Au)));
    }

    [Theory]
    [InlineData("Name", "Department", "needs a Subject")]
    [InlineData("Subject", "Department", "needs a Subject")]
    [InlineData("Subject", "Name", "needs a Subject")]
    public void an_entry_missing_a_field_stops_the_start_naming_the_entry(string first, string second, string message)
    {
        var values = new Dictionary<string, string> { ["Subject"] = "kommune-1", ["Name"] = "A", ["Department"] = "Au" };
        Should.Throw<InvalidOperationException>(() => Listed(($"Infohus:Members:0:{first}", values[first]), ($"Infohus:Members:0:{second}", values[second])))
            .Message.ShouldContain("Infohus:Members:0 " + message);
    }

    [Fact]
    public void a_user_id_listed_twice_stops_the_start()
    {
        Should.Throw<InvalidOperationException>(() => Listed(
            ("Infohus:Members:0:Subject", "kommune-1"), ("Infohus:Members:0:Name", "A"), ("Infohus:Members:0:Department", "Au"),
            ("Infohus:Members:1:Subject", "kommune-1"), ("Infohus:Members:1:Name", "B"), ("Infohus:Members:1:Department", "Bfu")))
            .Message.ShouldContain("entries 0 and 1");
    }
}
