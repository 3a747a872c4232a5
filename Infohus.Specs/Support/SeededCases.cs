using Alba;
using Infohus.Specs.Rules;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Support;

/// <summary>What a seeded case is, as the specs chose it: the facts the statistics must count.</summary>
public sealed record SeededCase(
    Guid Id,
    Registration Registration,
    ReferralSource Source,
    ReferrerOrganisation Organisation,
    Department ReceivedBy,
    DateTimeOffset ReferredAt,
    string Path,
    bool? ConcernsExtremism,
    string? Level,
    PreventionTier? Tier,
    bool PetEae,
    EvaluationOutcome? Evaluation,
    bool Closed,
    double? ReactionHours,
    string Description);

/// <summary>
/// Many cases with a seeded random mix across every register dimension, decided by the plan's own
/// decision functions and appended through Marten: the domain path, without HTTP for speed.
/// </summary>
public static class SeededCases
{
    private static readonly string[] Levels = ["acute", "high", "moderate", "low"];
    private static readonly string[] Districts = ["hjoerring", "hirtshals", "sindal", "vraa", "loekken"];

    public static async Task<IReadOnlyList<SeededCase>> Seed(this IAlbaHost host, int count, int seed, DateTimeOffset from, DateTimeOffset to)
    {
        var random = new Random(seed);
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var protection = host.Services.GetRequiredService<PersonalDataProtection>();
        var plan = ActionPlanSettings.Defaults();
        var cases = new List<SeededCase>();

        T Pick<T>(IReadOnlyList<T> options) => options[random.Next(options.Count)];
        T PickEnum<T>() where T : struct, Enum => Pick(Enum.GetValues<T>());

        await using var session = store.LightweightSession();
        for (var n = 0; n < count; n++)
        {
            var id = Guid.CreateVersion7();
            var (key, cipher) = protection.NewKey(id, from);
            var span = (to - from).TotalHours;
            var referredAt = from.AddHours(Math.Floor(random.NextDouble() * span));
            var registration = new Registration(random.Next(10) == 0 ? null : random.Next(8, 70), PickEnum<Gender>(), PickEnum<NationalityGroup>(),
                Pick(Districts), PickEnum<FamilyNetwork>(), PickEnum<Attachment>(), PickEnum<IdeologyCategory>(), [PickEnum<WarningSign>()]);
            var source = Pick(Enum.GetValues<ReferralSource>());
            var organisation = PickEnum<ReferrerOrganisation>();
            var member = Pick([History.Bfu, History.Police, History.Bfu with { Department = Department.Saeh }, History.Bfu with { Department = Department.Au }]);
            var description = $"Seeded description {seed}-{n}";

            var events = new List<object>();
            Case Apply(Decision decision)
            {
                decision.Refusal.ShouldBeNull();
                events.AddRange(decision.Events);
                return History.Given([.. events]);
            }

            var state = Apply(ReceiveReferralStep.ReceiveReferral(id, source, ReferralChannel.Phone, organisation, registration, cipher.Seal(description),
                new SubjectDetails(cipher.Seal($"Seeded Person {n}"), cipher.Seal($"0101{seed % 90 + 10:00}-{n:0000}"), null, null),
                ReferrerDetails.None, null, plan, referredAt, member));
            if (state.Route == CitizenRoute.CoordinatorTriage && random.Next(2) == 0)
            {
                // The coordinator learns the person's age: the registration, the routing and the register follow.
                registration = registration with { Age = random.Next(8, 70) };
                state = Apply(state.CorrectRegistration(registration, plan, referredAt.AddMinutes(20), History.Coordinator));
            }
            if (state.ComesFromEmployeeOrPartner)
            {
                state = Apply(state.InformManager(referredAt.AddMinutes(30), member));
                state = Apply(state.HoldInterview(true, true, null, referredAt.AddHours(1), member));
            }

            var path = Pick(["referred", "redirected", "specific", "targeted"]);
            var assessedAt = referredAt.AddHours(random.Next(2, 24 * 20));
            var (extremism, level, tier, petEae, evaluation, closed) = ((bool?)null, (string?)null, (PreventionTier?)null, false, (EvaluationOutcome?)null, false);
            if (path != "referred")
            {
                extremism = path != "redirected";
                level = extremism == true ? Pick(Levels) : null;
                tier = path switch { "specific" => Pick([PreventionTier.General, PreventionTier.Specific]), "targeted" => PreventionTier.Targeted, _ => null };
                state = Apply(state.Assess(extremism.Value, level, tier, [member.Department], plan, assessedAt, member));
                var later = assessedAt.AddDays(1);
                if (path == "redirected")
                {
                    state = Apply(state.Redirect("Children and Family", RedirectionReason.ForcedMarriage, later, member));
                }
                else
                {
                    if (random.Next(2) == 0)
                    {
                        petEae = true;
                        state = Apply(state.ReportToPetEae(later, History.Police));
                    }
                    if (tier == PreventionTier.Targeted)
                    {
                        state = Apply(state.GiveFeedback(FeedbackKind.Targeted, later, member));
                        state = Apply(state.ConveneCrisisTeam([Department.Bfu, Department.Police], later, member));
                    }
                    else if (state.ComesFromCitizen)
                    {
                        // §4.2.2 II: the member handling a citizen's concern guides the citizen; no feedback a), no hand-over.
                        state = Apply(state.GuideCitizen([CitizenGuidance.NationalHotline], later, state.Route switch
                        {
                            CitizenRoute.PoliceRepresentative => History.Police,
                            CitizenRoute.CoordinatorTriage => History.Coordinator,
                            _ => History.Bfu
                        }));
                    }
                    else
                    {
                        state = Apply(state.GiveFeedback(FeedbackKind.Guidance, later, member));
                        state = Apply(state.HandOver("School", later, member));
                    }
                    if (random.Next(3) > 0)
                    {
                        evaluation = PickEnum<EvaluationOutcome>();
                        state = Apply(state.Evaluate(evaluation.Value, null, later.AddDays(30), member));
                    }
                }
                if ((path == "redirected" || evaluation is not null) && random.Next(2) == 0)
                {
                    closed = true;
                    state = Apply(state.Close(later.AddDays(40), member));
                }
            }

            session.Store(key);
            session.Events.StartStream<Case>(id, events);
            cases.Add(new SeededCase(id, registration, source, organisation, member.Department, referredAt, path, extremism, level, tier,
                petEae, evaluation, closed, path == "referred" ? null : Math.Round((assessedAt - referredAt).TotalHours, 2), description));
        }
        await session.SaveChangesAsync();
        return cases;
    }
}
