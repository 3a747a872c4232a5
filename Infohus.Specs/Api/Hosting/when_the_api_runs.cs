using Alba;
using Infohus.Api.Security;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Api.Hosting;

public class when_the_api_runs(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task it_is_live_and_ready_when_the_database_answers()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });
        var ready = await Host.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });
        (await ready.ReadAsTextAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task the_openapi_document_describes_every_case_step()
    {
        var document = await Host.Get("/openapi/v1.json", Caller.Anonymous);

        document.Status.ShouldBe(HttpStatusCode.OK);
        var paths = document.Body!["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var step in Enum.GetValues<CaseAction>().Where(a => a is not (CaseAction.InterventionDecision or CaseAction.CrisisCommunication or CaseAction.FollowUpCompletion)))
        {
            var route = $"/api/cases/{{id}}/{Kebab(step)}";
            paths.ShouldContain(route);
        }
        paths.ShouldContain("/api/cases/{id}/interventions/{interventionId}/decision");
        paths.ShouldContain("/api/cases/{id}/internal-communications");
        paths.ShouldContain("/api/cases/{id}/follow-ups/{followUpId}/completion");
        paths.ShouldContain("/api/cases/{id}/press/messages");
    }

    [Fact]
    public async Task every_event_records_who_acted_and_the_request_that_caused_it()
    {
        var @case = await Host.ReferralFromEmployee();
        await Host.Step(@case, "manager-informed", new InformManager(@case.Version), Caller.AuMember);

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(@case.Id);

        var informed = events.Last();
        var data = informed.Data.ShouldBeOfType<NearestManagerInformed>();
        data.InformedBy.UserId.ShouldBe("au-member");
        data.InformedBy.Department.ShouldBe(EventStore.Members.Department.Au);
        informed.CorrelationId.ShouldNotBeNullOrWhiteSpace();
        informed.CorrelationId.ShouldNotBe(events.First().CorrelationId);
        informed.Headers!["user-id"].ToString().ShouldBe("au-member");
        informed.Headers!["department"].ToString().ShouldBe("au");
    }

    [Fact]
    public async Task production_refuses_to_start_with_the_development_signing_key()
    {
        var start = () => AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Infohus", App.ConnectionString);
            builder.UseSetting("Infohus:Auth:SigningKey", AuthSettings.DevelopmentSigningKey);
            builder.UseSetting("Infohus:PersonalData:MasterKey", Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 3)).ToArray()));
            builder.UseSetting("Infohus:PersonalData:IndexKey", Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 5 + 1)).ToArray()));
        });

        var failure = await Should.ThrowAsync<Exception>(start);
        failure.ToString().ShouldContain("Infohus:Auth:SigningKey is the development key");
    }

    [Fact]
    public async Task production_refuses_to_start_without_its_own_personal_data_master_key()
    {
        foreach (var masterKey in new string?[] { null, PersonalDataSettings.DevelopmentMasterKey })
        {
            var start = () => AlbaHost.For<Program>(builder =>
            {
                builder.UseEnvironment("Production");
                builder.UseSetting("ConnectionStrings:Infohus", App.ConnectionString);
                builder.UseSetting("Infohus:Auth:SigningKey", "a-production-signing-key-of-more-than-32-characters");
                if (masterKey is not null) builder.UseSetting("Infohus:PersonalData:MasterKey", masterKey);
            });

            var failure = await Should.ThrowAsync<Exception>(start);
            failure.ToString().ShouldContain("Infohus:PersonalData:MasterKey");
        }
    }

    [Fact]
    public async Task production_refuses_to_start_without_its_own_person_index_key()
    {
        var masterKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 3)).ToArray());
        foreach (var indexKey in new string?[] { null, PersonalDataSettings.DevelopmentIndexKey, masterKey })
        {
            var start = () => AlbaHost.For<Program>(builder =>
            {
                builder.UseEnvironment("Production");
                builder.UseSetting("ConnectionStrings:Infohus", App.ConnectionString);
                builder.UseSetting("Infohus:Auth:SigningKey", "a-production-signing-key-of-more-than-32-characters");
                builder.UseSetting("Infohus:PersonalData:MasterKey", masterKey);
                if (indexKey is not null) builder.UseSetting("Infohus:PersonalData:IndexKey", indexKey);
            });

            var failure = await Should.ThrowAsync<Exception>(start);
            failure.ToString().ShouldContain("Infohus:PersonalData:IndexKey");
        }
    }

    [Theory]
    [InlineData(null, "Configure Infohus:Auth:Issuer with Infohus:Auth:SigningKey")]
    [InlineData(AuthSettings.DevelopmentIssuer, "Infohus:Auth:Issuer is the development issuer")]
    public async Task production_refuses_to_start_with_a_signing_key_but_without_its_own_issuer(string? issuer, string reason)
    {
        var start = () => AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Infohus", App.ConnectionString);
            builder.UseSetting("Infohus:Auth:SigningKey", "a-production-signing-key-of-more-than-32-characters");
            if (issuer is not null) builder.UseSetting("Infohus:Auth:Issuer", issuer);
            builder.UseSetting("Infohus:PersonalData:MasterKey", Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 3)).ToArray()));
            builder.UseSetting("Infohus:PersonalData:IndexKey", Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 5 + 1)).ToArray()));
        });

        var failure = await Should.ThrowAsync<Exception>(start);
        failure.ToString().ShouldContain(reason);
    }

    private static string Kebab(CaseAction action) => action switch
    {
        CaseAction.PetEaeReport => "pet-eae-report",
        _ => string.Concat(action.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()))
    };
}
