using Infohus.Projections.Cases;
using Infohus.Projections.Disclosures;
using Infohus.Projections.Register;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Api.Statistics;

public class when_the_read_models_are_rebuilt(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task every_read_model_rebuilt_from_the_events_equals_the_one_built_live()
    {
        await Host.Seed(200, seed: 77, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var known = await Host.CaseFullOfPersonalData();
        await Host.Step(known.Case, "erasure", new Infohus.Api.Cases.Erasing.ErasePersonalData(known.Case.Version, ErasureReason.DataSubjectRequest), Caller.Legal);
        // A citizen's concern triaged without an age, completed, rerouted, guided and closed.
        var citizen = await Host.Referral(Given.CitizenReferral(null), Caller.SspConsultant);
        citizen = await Host.Step(citizen, "registration", new Infohus.Api.Cases.Registering.CorrectRegistration(citizen.Version, Given.Registration(age: 14)), Caller.SspConsultant);
        citizen = await Host.Step(citizen, "citizen-guidance", new Infohus.Api.Cases.Guiding.GuideCitizen(citizen.Version, [CitizenGuidance.NationalHotline]), Caller.SspConsultant);
        await Host.Step(citizen, "closure", new CloseCase(citizen.Version), Caller.SspConsultant);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var live = await ReadModels();
        live["register"].Count.ShouldBe(202);

        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        foreach (var projection in new[] { typeof(RegisterProjection), typeof(CaseSummaryProjection), typeof(DisclosureLogProjection), typeof(Case) })
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromSeconds(60), CancellationToken.None);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var rebuilt = await ReadModels();
        foreach (var (name, rows) in live)
        {
            var lost = rows.Except(rebuilt[name]).Take(1).ToList();
            var gained = rebuilt[name].Except(rows).Take(1).ToList();
            (lost.Count + gained.Count).ShouldBe(0, $"{name} differs after the rebuild: live {string.Join("", lost)} / rebuilt {string.Join("", gained)}");
            rebuilt[name].Count.ShouldBe(rows.Count, name);
        }
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> ReadModels()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await ReadModelRows.Of(session);
    }
}
