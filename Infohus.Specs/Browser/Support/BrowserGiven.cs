using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infohus.Api.Cases.Intake;
using Infohus.Api.Hosting;

namespace Infohus.Specs.Browser.Support;

/// <summary>State a browser spec starts from, made through the API as another member would, and the API's own answers to compare a page with.</summary>
public static class BrowserGiven
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>A teacher's referral about a 16-year-old, received by <paramref name="caller"/> through the API: the case id and version.</summary>
    public static async Task<(Guid Id, long Version)> TeachersReferral(this BrowserApp app, Caller caller)
    {
        var referral = new ReceiveReferral(ReferralSource.Employee, ReferralChannel.Phone, ReferrerOrganisation.School,
            new Registration(16, Gender.Male, NationalityGroup.Danish, "hirtshals", FamilyNetwork.Strained, Attachment.School, IdeologyCategory.RightWing,
                [WarningSign.OnlineRadicalContent]),
            "Eleven deler højreekstremistisk materiale i klassens chat.");
        var answer = await app.Api(caller).PostAsJsonAsync("/api/cases", referral, Json);
        answer.EnsureSuccessStatusCode();
        var receipt = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
        return (receipt["id"]!.GetValue<Guid>(), receipt["version"]!.GetValue<long>());
    }

    /// <summary>The API's answer to a step: status and problem detail.</summary>
    public static async Task<(HttpStatusCode Status, string? Detail)> ApiStep(this BrowserApp app, Caller caller, Guid caseId, string step, object command)
    {
        var answer = await app.Api(caller).PostAsJsonAsync($"/api/cases/{caseId}/{step}", command, Json);
        var body = await answer.Content.ReadFromJsonAsync<JsonObject>();
        return (answer.StatusCode, body?["detail"]?.GetValue<string>());
    }

    /// <summary>The stored event types of a case, read through the API with a purpose.</summary>
    public static async Task<IReadOnlyList<string>> EventTypes(this BrowserApp app, Guid caseId)
    {
        var api = app.Api(Caller.Auditor);
        api.DefaultRequestHeaders.Add("X-Purpose", "Spec: what the case stores");
        var events = await api.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/events");
        return [.. events!.Select(e => e!["type"]!.GetValue<string>())];
    }

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions();
        InfohusHosting.ConfigureJson(json);
        return json;
    }
}
