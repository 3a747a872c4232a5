using System.Collections.Concurrent;
using System.Text.Json;
using CsCheck;
using Infohus.Api.Cases.Communicating;
using Infohus.Api.Cases.Guiding;
using Infohus.Api.Cases.Registering;
using Infohus.Projections.Cases;
using Infohus.Projections.Disclosures;
using Infohus.Projections.Register;
using Infohus.Projections.Timeline;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Api.Rules;

/// <summary>
/// Property-based: random sequences of commands — valid and invalid, on current, stale and future
/// versions, from every role — each on a case of its own, through the HTTP API. After every command:
/// no 5xx; a refusal appended nothing and an acceptance exactly what it answered; the stored history
/// breaks no rule of the plan (<see cref="PlanHistory"/>); and every inline read model equals the fold
/// of the events. At the end the async register equals the fold of each case too.
/// </summary>
public class when_random_commands_hit_the_api(InfohusApp app, Xunit.Abstractions.ITestOutputHelper output) : ApiSpec(app)
{
    private const int Sequences = 1000;
    private static readonly CaseSummaryProjection Summaries = new();

    public enum Kind
    {
        ManagerInformed, Interview, AssessExtremism, AssessOther, Redirect, PetEaeReport, FeedbackGuidance, FeedbackTargeted,
        HandOver, CrisisTeam, PreparednessPlan, RecommendIntervention, FollowUp, Evaluate, Close, Reopen, Disclose, DiscloseToThePress,
        DiscloseUnderStk1, InternalCommunication, GuideCitizen, CorrectRegistration, Malformed
    }

    public enum VersionSent { Current, Stale, Ahead }

    /// <summary>
    /// A command: a random one, or (Offered) one of the steps the case offers its members now, picked
    /// by <see cref="Pick"/>, so sequences also reach deep into a course instead of mostly bouncing at intake.
    /// </summary>
    public sealed record Move(Kind Kind, Caller By, VersionSent Version, bool Offered, int Pick)
    {
        public override string ToString() => $"{(Offered ? $"offered#{Pick}" : Kind)} by {By.Subject} on {Version}";
    }

    /// <summary>A case's referral: from an employee or a citizen, about a person of a known age or of none known.</summary>
    public sealed record Sequence(bool FromCitizen, int? Age, Caller Referrer, Move[] Moves)
    {
        public override string ToString() =>
            $"{(FromCitizen ? "citizen" : "employee")} referral (age {Age?.ToString() ?? "unknown"}) by {Referrer.Subject}: {string.Join(", ", Moves.Select(m => m.ToString()))}";
    }

    private static readonly Gen<Caller> Callers = Gen.Frequency(
        (12, Gen.Const(Caller.BfuMember)), (3, Gen.Const(Caller.PoliceMember)), (2, Gen.Const(Caller.SspConsultant)),
        (1, Gen.Const(Caller.Steering)), (1, Gen.Const(Caller.Auditor)), (1, Gen.Const(Caller.Legal)), (1, Gen.Const(Caller.Anonymous)));

    private static readonly Gen<Move> Moves = Gen.Select(
        Gen.Enum<Kind>(), Callers, Gen.Frequency((16, Gen.Const(VersionSent.Current)), (1, Gen.Const(VersionSent.Stale)), (1, Gen.Const(VersionSent.Ahead))),
        Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false))), Gen.Int[0, 100],
        (kind, by, version, offered, pick) => new Move(kind, by, version, offered, pick));

    private static readonly Gen<Sequence> Histories = Gen.Select(
        Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true))),
        Gen.Frequency((1, Gen.Const((int?)null)), (1, Gen.Const((int?)15)), (1, Gen.Const((int?)20))),
        Gen.Frequency((6, Gen.Const(Caller.BfuMember)), (1, Callers)),
        Moves.Array[0, 12],
        (citizen, age, referrer, moves) => new Sequence(citizen, age, referrer, moves));

    [Fact]
    public async Task no_sequence_breaks_a_rule_of_the_plan_and_every_read_model_equals_the_fold_of_the_events()
    {
        var cases = new ConcurrentBag<Guid>();
        var statuses = new ConcurrentDictionary<int, int>();

        await Histories.SampleAsync(sequence => Run(sequence, cases, statuses), iter: Sequences, threads: 4,
            print: sequence => sequence.ToString(), writeLine: output.WriteLine);

        // The sample covered acceptances and each kind of refusal, and courses deep into the plan.
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = await session.Events.QueryAllRawEvents().GroupBy(e => e.EventTypeName).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync();
        output.WriteLine($"answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        output.WriteLine($"stored: {string.Join(", ", stored.OrderBy(s => s.Kind).Select(s => $"{s.Kind}×{s.Count}"))}");
        statuses.Keys.Order().ToList().ShouldBe([200, 201, 400, 401, 403, 404, 409, 422]);
        string[] reached = ["nearest_manager_informed", "concern_interview_held", "concern_assessed", "referral_redirected", "reported_to_pet_eae",
            "feedback_given", "case_handed_over", "crisis_team_convened", "preparedness_plan_adopted", "intervention_recommended", "follow_up_opened",
            "course_evaluated", "case_closed", "case_reopened", "information_disclosed", "internal_communication_sent", "citizen_referral_routed",
            "citizen_guided", "registration_corrected", "citizen_referral_rerouted"];
        reached.ShouldBeSubsetOf(stored.Select(s => s.Kind));

        // The async register, once caught up, is the fold of each case's events.
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var register = (await session.Query<RegisterEntry>().ToListAsync()).ToDictionary(r => r.Id);
        register.Keys.Order().ShouldBe(cases.Order());
        foreach (var id in cases)
            Json(register[id]).ShouldBe(Json(await session.Events.AggregateStreamAsync<RegisterEntry>(id)), $"register row of {id}");
    }

    private async Task Run(Sequence sequence, ConcurrentBag<Guid> cases, ConcurrentDictionary<int, int> statuses)
    {
        var referral = await Host.Post("/api/cases", sequence.FromCitizen ? Given.CitizenReferral(sequence.Age) : Given.EmployeeReferral(sequence.Age), sequence.Referrer);
        Count(statuses, referral);
        var id = referral.Status == HttpStatusCode.Created ? referral.Id : Guid.CreateVersion7();
        if (referral.Status == HttpStatusCode.Created) cases.Add(id);
        else referral.Status.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        await Holds(id, referral.Status == HttpStatusCode.Created ? referral.Version : 0, sequence, "the referral");

        var version = referral.Status == HttpStatusCode.Created ? referral.Version : 1;
        foreach (var move in sequence.Moves)
        {
            var sent = move.Version switch { VersionSent.Stale => version - 1, VersionSent.Ahead => version + 1, _ => version };
            var kind = move.Offered && referral.Status == HttpStatusCode.Created ? await Offered(id, move) : move.Kind;
            var (action, body) = Command(kind, sent, move.Pick);
            var answer = await Host.PostRaw($"/api/cases/{id}/{action}", body, move.By);
            Count(statuses, answer);

            ((int)answer.Status).ShouldBeOneOf([200, 400, 401, 403, 404, 409, 422], $"{move} → {answer}");
            if (answer.Status == HttpStatusCode.OK)
            {
                move.By.Role.ShouldBeOneOf(Role.Member, Role.Coordinator);
                answer.Version.ShouldBeGreaterThan(version);
                version = answer.Version;
            }
            await Holds(id, referral.Status == HttpStatusCode.Created ? version : 0, sequence, move.ToString());
        }
    }

    /// <summary>One of the steps the case offers now (as the caller sees them, or a BFU member when the caller is no member).</summary>
    private async Task<Kind> Offered(Guid id, Move move)
    {
        var viewer = move.By.Department is not null && move.By.Role is Role.Member or Role.Coordinator ? move.By : Caller.BfuMember;
        var view = await Host.Get($"/api/cases/{id}", viewer);
        view.Status.ShouldBe(HttpStatusCode.OK, view.ToString());
        var allowed = view.Body!["allowedActions"].Deserialize<CaseAction[]>(HttpSpeech.Json)!;
        // Sharing and the registration are offered at every step; take the registration now and then (a triaged
        // concern waits for its age), and leave sharing to the random moves, so offered ones move the course on.
        if (move.Pick % 8 == 1 && allowed.Contains(CaseAction.Registration)) return Kind.CorrectRegistration;
        var offered = allowed.Where(a => a is not (CaseAction.Disclosures or CaseAction.Registration)).ToArray();
        if (offered.Length == 0) return move.Kind;
        var either = move.Pick % 2 == 0;
        // Evaluation and closure end a course: mostly take the other steps first, so courses go deep.
        var onwards = offered.Where(a => a is not (CaseAction.Evaluation or CaseAction.Closure)).ToArray();
        if (onwards.Length > 0 && move.Pick % 4 != 0) offered = onwards;
        return offered[move.Pick / 4 % offered.Length] switch
        {
            CaseAction.ManagerInformed => Kind.ManagerInformed,
            CaseAction.Interview => Kind.Interview,
            CaseAction.Assessment => either ? Kind.AssessExtremism : Kind.AssessOther,
            CaseAction.Redirection => Kind.Redirect,
            CaseAction.PetEaeReport => Kind.PetEaeReport,
            // Mostly the feedback the assessed tier calls for (§4.2.2 I a/b), sometimes the other one.
            CaseAction.Feedback => (view.Body["state"]?["assessment"]?["tier"]?.GetValue<string>() == "targeted") == (move.Pick % 5 != 0)
                ? Kind.FeedbackTargeted
                : Kind.FeedbackGuidance,
            CaseAction.CitizenGuidance => Kind.GuideCitizen,
            CaseAction.Handover => Kind.HandOver,
            CaseAction.CrisisTeam => Kind.CrisisTeam,
            CaseAction.PreparednessPlan => Kind.PreparednessPlan,
            CaseAction.Interventions => Kind.RecommendIntervention,
            CaseAction.FollowUps => Kind.FollowUp,
            CaseAction.Evaluation => Kind.Evaluate,
            CaseAction.Closure => Kind.Close,
            CaseAction.Reopening => Kind.Reopen,
            CaseAction.CrisisCommunication => Kind.InternalCommunication,
            _ => Kind.Disclose
        };
    }

    /// <summary>After each command: the stored history has the answered length, breaks no rule, and every inline read model is its fold.</summary>
    private async Task Holds(Guid id, long expectedVersion, Sequence sequence, string after)
    {
        // The history and every inline read model of the case in one round trip.
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var batch = session.CreateBatchQuery();
        var history = batch.Events.FetchStream(id);
        var state = batch.Load<Case>(id);
        var summary = batch.Load<CaseSummary>(id);
        var timeline = batch.Query<TimelineEntry>().Where(t => t.CaseId == id).ToList();
        var log = batch.Query<DisclosureLogEntry>().Where(d => d.CaseId == id).ToList();
        await batch.Execute();

        var events = await history;
        var context = $"after {after} in [{sequence}]";
        events.Count.ShouldBe((int)expectedVersion, $"the stored history has exactly what was acknowledged, {context}");
        if (events.Count == 0)
        {
            (await state).ShouldBeNull(context);
            (await timeline).ShouldBeEmpty(context);
            return;
        }

        PlanHistory.Violations(events).ShouldBeEmpty(context);

        var fold = CaseReplay.Replay(events.Select(e => e.Data));
        fold.Version = events.Count;
        Json(await state).ShouldBe(Json(fold), $"case state {context}");
        Json(await summary).ShouldBe(Json(events.Aggregate((CaseSummary?)null, (folded, e) => Summaries.Evolve(folded, id, e))), $"case summary {context}");
        (await timeline).OrderBy(t => t.Version).Select(t => (t.Version, t.Kind))
            .ShouldBe(events.Select(e => (e.Version, e.EventTypeName)), $"timeline {context}");
        (await log).Select(d => d.Id).Order()
            .ShouldBe(events.Select(e => e.Data).OfType<InformationDisclosed>().Select(d => d.DisclosureId).Order(), $"disclosure log {context}");
    }

    private static (string Action, string Body) Command(Kind kind, long version, int pick)
    {
        object body = kind switch
        {
            Kind.ManagerInformed => new InformManager(version),
            Kind.Interview => new HoldInterview(version, true, true, "Notes from the interview."),
            Kind.AssessExtremism => new AssessConcern(version, true, [Department.Bfu, Department.Police], pick / 2 % 2 == 0 ? "high" : "moderate",
                pick / 2 % 2 == 0 ? PreventionTier.Targeted : pick / 2 % 4 == 1 ? PreventionTier.Specific : PreventionTier.General),
            Kind.AssessOther => new AssessConcern(version, false, [Department.Bfu]),
            Kind.Redirect => new RedirectReferral(version, "Familieafdelingen", RedirectionReason.Wellbeing),
            Kind.PetEaeReport => new ReportToPetEae(version),
            Kind.FeedbackGuidance => new GiveFeedback(version, FeedbackKind.Guidance),
            Kind.FeedbackTargeted => new GiveFeedback(version, FeedbackKind.Targeted),
            Kind.HandOver => new HandOver(version, "Skoleafdelingen"),
            Kind.CrisisTeam => new ConveneCrisisTeam(version, [Department.Bfu, Department.Police]),
            Kind.PreparednessPlan => new AdoptPreparednessPlan(version, "Daily contact with the school; the family is offered a mentor."),
            Kind.RecommendIntervention => new RecommendIntervention(version, InterventionKind.SpecialisedMentor),
            Kind.FollowUp => new OpenFollowUp(version, FollowUpCircle.Family),
            Kind.Evaluate => new EvaluateCourse(version, EvaluationOutcome.ConcernReduced),
            Kind.Close => new CloseCase(version),
            Kind.Reopen => new ReopenCase(version, "A new concern about the same person."),
            Kind.Disclose => Given.Disclosure(version),
            Kind.DiscloseToThePress => Given.Disclosure(version, RecipientType.Press),
            Kind.DiscloseUnderStk1 => Given.Disclosure(version, provision: Provision.Stk1),
            Kind.InternalCommunication => new SendInternalCommunication(version, true, "head of school", [InternalAudience.Staff],
                "The crisis team meets daily.", "The crisis team.", "Do not comment on the case.", "Call the SSP consultant."),
            Kind.GuideCitizen => new GuideCitizen(version, (pick % 5) switch
            {
                0 => [CitizenGuidance.NationalHotline],
                1 => [CitizenGuidance.Police114, CitizenGuidance.Emergency112],
                2 => [CitizenGuidance.Police114, CitizenGuidance.NationalHotline],
                3 => [CitizenGuidance.Emergency112],
                _ => []
            }),
            // What the Infohus learned: mostly the person's age (a triaged concern is then routed by it), sometimes not even that.
            Kind.CorrectRegistration => new CorrectRegistration(version,
                Given.Registration((pick / 8 % 3) switch { 0 => 15, 1 => 30, _ => null }, pick / 24 % 2 == 0 ? "sindal" : "hirtshals")),
            Kind.Malformed => "{\"version\": ",
            _ => throw new ArgumentOutOfRangeException(nameof(kind))
        };
        var action = kind switch
        {
            Kind.ManagerInformed => "manager-informed",
            Kind.Interview => "interview",
            Kind.AssessExtremism or Kind.AssessOther or Kind.Malformed => "assessment",
            Kind.Redirect => "redirection",
            Kind.PetEaeReport => "pet-eae-report",
            Kind.FeedbackGuidance or Kind.FeedbackTargeted => "feedback",
            Kind.HandOver => "handover",
            Kind.CrisisTeam => "crisis-team",
            Kind.PreparednessPlan => "preparedness-plan",
            Kind.RecommendIntervention => "interventions",
            Kind.FollowUp => "follow-ups",
            Kind.Evaluate => "evaluation",
            Kind.Close => "closure",
            Kind.Reopen => "reopening",
            Kind.Disclose or Kind.DiscloseToThePress or Kind.DiscloseUnderStk1 => "disclosures",
            Kind.InternalCommunication => "internal-communications",
            Kind.GuideCitizen => "citizen-guidance",
            Kind.CorrectRegistration => "registration",
            _ => throw new ArgumentOutOfRangeException(nameof(kind))
        };
        return (action, body as string ?? JsonSerializer.Serialize(body, body.GetType(), HttpSpeech.Json));
    }


    private static void Count(ConcurrentDictionary<int, int> statuses, Answer answer) => statuses.AddOrUpdate((int)answer.Status, 1, (_, n) => n + 1);

    private static string Json(object? value) => JsonSerializer.Serialize(value, HttpSpeech.Json);
}
