using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Infohus.Projections.Register;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Api.Rules;

/// <summary>
/// Property-based: random sequences of commands — every step of the plan, valid and invalid, on current,
/// stale and future versions, from every role — each on a case of its own, through the HTTP API. After every
/// command: no 5xx; a refusal appended nothing and an acceptance exactly what it answered; the stored history
/// breaks no rule of the plan (<see cref="PlanHistory"/>); and after every acceptance the case, its row on the
/// case list, its timeline and its disclosure log as the API shows them equal what the spec's own oracle
/// (<see cref="CaseOracle"/>, built from the accepted commands alone) says they must be.
/// </summary>
public class when_random_commands_hit_the_api(InfohusApp app, Xunit.Abstractions.ITestOutputHelper output) : ApiSpec(app)
{
    private const int Sequences = 400;

    public enum Kind
    {
        ManagerInformed, Interview, AssessExtremism, AssessOther, Redirect, PetEaeReport, FeedbackGuidance, FeedbackTargeted,
        HandOver, CrisisTeam, PreparednessPlan, RecommendIntervention, DecideIntervention, FollowUp, Evaluate, Close, Reopen,
        Disclose, DiscloseToThePress, DiscloseUnderStk1, InternalCommunication, HeadsInformed, Spokesperson, PressMessage,
        GuideCitizen, CorrectRegistration, Erase, Malformed, Reassess, Claim, Assign, CompleteFollowUp, Note, Document, Link
    }

    /// <summary>Every step a case can take, by its route: each must be accepted at least once in a run.</summary>
    private static readonly string[] EveryStep =
    [
        "registration", "manager-informed", "interview", "assessment", "redirection", "pet-eae-report", "feedback", "citizen-guidance",
        "handover", "crisis-team", "preparedness-plan", "interventions", "decision", "follow-ups", "evaluation", "closure", "reopening",
        "erasure", "disclosures", "internal-communications", "press/heads-informed", "press/spokesperson", "press/messages",
        "claim", "assignment", "completion", "reassessment", "notes", "documents", "links"
    ];

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
    public sealed record Sequence(bool FromCitizen, int? Age, Caller Referrer, Move[] Moves, string? FirstLevel = null)
    {
        public override string ToString() =>
            $"{(FromCitizen ? "citizen" : "employee")} referral (age {Age?.ToString() ?? "unknown"}{(FirstLevel is null ? "" : $", first level {FirstLevel}")}) by {Referrer.Subject}: {string.Join(", ", Moves.Select(m => m.ToString()))}";
    }

    private static readonly Gen<Caller> Callers = Gen.Frequency(
        (12, Gen.Const(Caller.BfuMember)), (3, Gen.Const(Caller.PoliceMember)), (2, Gen.Const(Caller.SspConsultant)),
        (1, Gen.Const(Caller.Steering)), (1, Gen.Const(Caller.Auditor)), (1, Gen.Const(Caller.Legal)), (1, Gen.Const(Caller.Anonymous)));

    private static readonly Gen<Move> Moves = Gen.Select(
        Gen.Enum<Kind>(), Callers, Gen.Frequency((16, Gen.Const(VersionSent.Current)), (1, Gen.Const(VersionSent.Stale)), (1, Gen.Const(VersionSent.Ahead))),
        Gen.Frequency((6, Gen.Const(true)), (1, Gen.Const(false))), Gen.Int[0, 100],
        // Erasure is legal's: mostly asked by legal, sometimes by anyone (a 403).
        (kind, by, version, offered, pick) => new Move(kind, kind == Kind.Erase && pick % 3 != 0 ? Caller.Legal : by, version, offered, pick));

    private static readonly Gen<Sequence> Histories = Gen.Select(
        Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true))),
        Gen.Frequency((1, Gen.Const((int?)null)), (1, Gen.Const((int?)15)), (1, Gen.Const((int?)20))),
        Gen.Frequency((6, Gen.Const(Caller.BfuMember)), (1, Callers)),
        Moves.Array[0, 24],
        // A first concern level at intake, now and then (issue 15: triage at intake).
        Gen.Frequency((4, Gen.Const((string?)null)), (1, Gen.Const((string?)"acute")), (1, Gen.Const((string?)"low"))),
        (citizen, age, referrer, moves, first) => new Sequence(citizen, age, referrer, moves, first));

    [Fact]
    public async Task no_sequence_breaks_a_rule_of_the_plan_and_every_read_model_shows_what_the_accepted_commands_say()
    {
        var cases = new ConcurrentDictionary<Guid, CaseOracle>();
        var statuses = new ConcurrentDictionary<int, int>();
        var accepted = new ConcurrentDictionary<string, int>();

        await Histories.SampleAsync(sequence => Run(sequence, cases, statuses, accepted), iter: Sequences, threads: 4,
            print: sequence => sequence.ToString(), writeLine: output.WriteLine);

        // The run covered acceptances and each kind of refusal, and every step of the plan was accepted at least once.
        output.WriteLine($"answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        output.WriteLine($"accepted: {string.Join(", ", accepted.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        statuses.Keys.Order().ToList().ShouldBe([200, 201, 400, 401, 403, 404, 409, 422]);
        EveryStep.Except(accepted.Keys).ShouldBeEmpty("steps never accepted in the run");
        cases.Values.ShouldContain(c => c.Lines.Any(l => l.Kind == "citizen_referral_rerouted"), "a triaged concern was routed by its age");

        // The async register, once caught up, holds each case once, with the coded facts the accepted commands left.
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var register = (await session.Query<RegisterEntry>().ToListAsync()).ToDictionary(r => r.Id);
        register.Keys.Order().ShouldBe(cases.Keys.Order());
        foreach (var (id, oracle) in cases)
        {
            var row = register[id];
            (row.Status.ToString().ToLowerInvariant(), row.District, row.AgeBand, row.ReceivingDepartment.ToString().ToLowerInvariant())
                .ShouldBe((oracle.Status, oracle.District, AgeBand(oracle.Age), oracle.ReceivingDepartment), $"register row of {id}");
        }
    }

    /// <summary>The default bands (README, Configuration): 0-11, 12-14, 15-17, 18-24, 25-39, 40+.</summary>
    private static string AgeBand(int? age) => age switch
    {
        null => "unknown", < 12 => "0-11", < 15 => "12-14", < 18 => "15-17", < 25 => "18-24", < 40 => "25-39", _ => "40+"
    };

    private async Task Run(Sequence sequence, ConcurrentDictionary<Guid, CaseOracle> cases, ConcurrentDictionary<int, int> statuses,
        ConcurrentDictionary<string, int> accepted)
    {
        var sent = (sequence.FromCitizen ? Given.CitizenReferral(sequence.Age) : Given.EmployeeReferral(sequence.Age))
            with { FirstConcern = sequence.FirstLevel is { } level ? new FirstConcern(level) : null };
        var referral = await Host.Post("/api/cases", sent, sequence.Referrer);
        Count(statuses, referral);
        CaseOracle? oracle = null;
        var id = Guid.CreateVersion7();
        if (referral.Status == HttpStatusCode.Created)
        {
            id = referral.Id;
            oracle = new CaseOracle(id, sequence.FromCitizen, sequence.Age, sent.Registration.District, sent.Description, sequence.Referrer, sequence.FirstLevel);
            cases[id] = oracle;
            referral.Version.ShouldBe(oracle.Version, $"the referral's answer in [{sequence}]");
        }
        else referral.Status.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        await Holds(id, oracle, sequence, "the referral", true);

        CaseOracle? related = null;
        foreach (var move in sequence.Moves)
        {
            var version = oracle?.Version ?? 1;
            var versionSent = move.Version switch { VersionSent.Stale => version - 1, VersionSent.Ahead => version + 1, _ => version };
            var kind = move.Offered && oracle is not null ? await Offered(oracle, move, accepted) : move.Kind;
            // A link goes to a second referral made for it (a sibling's), now and then to an unknown case or to the case itself.
            if (kind == Kind.Link && oracle is not null && related is null && move.Pick % 6 != 0) related = await SecondReferral(cases, statuses);
            var (step, url, body) = Command(kind, id, versionSent, move.Pick, oracle, related);
            var answer = step == "documents"
                ? await Host.Upload(url, DocumentForm(body!), move.By)
                : await Host.PostRaw(url, Sent(body) ?? "{\"version\": ", move.By);
            Count(statuses, answer);
            var context = $"{kind} ({move}) → {answer} in [{sequence}]";

            ((int)answer.Status).ShouldBeOneOf([200, 400, 401, 403, 404, 409, 422], context);
            var took = answer.Status == HttpStatusCode.OK;
            if (step is "notes" or "documents" or "links")
            {
                var (accept, refusal) = JournalOrLinkExpected(step, move.By, versionSent, oracle, body, related);
                took.ShouldBe(accept, $"the journal's and the links' rules predict {(accept ? "acceptance" : "a refusal")}: {context}");
                if (refusal is { } expected) answer.Status.ShouldBe(expected, context);
            }
            if (took)
            {
                oracle.ShouldNotBeNull(context);
                oracle.PersonalDataErased.ShouldBeFalse($"an erased case accepts no further step: {context}");
                if (step == "erasure") move.By.Role.ShouldBe(Role.Legal, context);
                else move.By.Role.ShouldBeOneOf(Role.Member, Role.Coordinator);
                oracle.Accepted(step, move.By, body!, answer.Body!);
                answer.Version.ShouldBe(oracle.Version, $"the answer names the version the accepted step leads to: {context}");
                accepted.AddOrUpdate(step, 1, (_, n) => n + 1);
                if (step == "links") related!.LinkedFrom(oracle, move.By, body!);
                if (step == "documents") await DocumentReadsBack(id, answer, body!, context);
            }
            await Holds(id, oracle, sequence, $"{kind} ({move})", took);
            if (step == "links" && related is not null) await Holds(related.Id, related, sequence, $"{kind} ({move}), on the linked case", took);
        }
    }

    /// <summary>One of the steps the case offers now (as the caller sees them, or a BFU member when the caller is no member).</summary>
    private async Task<Kind> Offered(CaseOracle oracle, Move move, ConcurrentDictionary<string, int> accepted)
    {
        var viewer = move.By.Department is not null && move.By.Role is Role.Member or Role.Coordinator ? move.By : Caller.BfuMember;
        var view = await Host.Get($"/api/cases/{oracle.Id}", viewer);
        view.Status.ShouldBe(HttpStatusCode.OK, view.ToString());
        var allowed = view.Body!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        // Sharing and the registration are offered at every step; take the registration now and then (a triaged
        // concern waits for its age), and leave sharing to the random moves, so offered ones move the course on.
        if (move.Pick % 8 == 1 && allowed.Contains("registration")) return Kind.CorrectRegistration;
        if (move.Pick % 25 == 7 && allowed.Contains("disclosures")) return Kind.Disclose;
        // The journal runs beside the plan: now and then a note or a document, now and then a link to a related case
        // (rarely: they move no course on, and the random moves send them too).
        if (move.Pick % 50 == 11 && allowed.Contains("notes")) return Kind.Note;
        if (move.Pick % 50 == 13 && allowed.Contains("documents")) return Kind.Document;
        if (move.Pick % 50 == 17) return Kind.Link;
        // Legal's one step: now and then legal erases the case's personal data, whatever stage it has reached.
        if (move.By == Caller.Legal && move.Pick % 6 == 0) return Kind.Erase;
        // The crisis team's work offers many steps at once; reach its press steps and decisions often enough to cover them.
        if (move.Pick % 5 is 2 or 4 && allowed.Contains("crisis-communication")) return CrisisCommunication(oracle, move.Pick);
        // The steps only a deep course reaches (the last press step, internal communication, a follow-up's completion) come
        // up a few times a run; while one is still rare in this run, an offer of it is taken, so the coverage check below
        // does not depend on luck.
        if (Rare(accepted, "press/messages") && allowed.Contains("crisis-communication") && oracle.HeadsInformed && oracle.Spokesperson) return Kind.PressMessage;
        if (Rare(accepted, "internal-communications") && allowed.Contains("crisis-communication")) return Kind.InternalCommunication;
        if (Rare(accepted, "completion") && allowed.Contains("follow-up-completion")) return Kind.CompleteFollowUp;
        if (move.Pick % 5 == 3 && allowed.Contains("intervention-decision")) return Kind.DecideIntervention;
        if (move.Pick % 5 == 3 && allowed.Contains("interventions")) return Kind.RecommendIntervention;
        var offered = allowed.Where(a => a is not ("disclosures" or "registration" or "notes" or "documents")).ToArray();
        if (offered.Length == 0) return move.Kind;
        var either = move.Pick % 4 != 0;
        // Evaluation and closure end a course, and a new assessment starts the round over: mostly (7 in 8) take the other steps first, so courses go deep.
        var onwards = offered.Where(a => a is not ("evaluation" or "closure") && (a != "assessment" || oracle.Assessment is null)).ToArray();
        if (onwards.Length > 0 && move.Pick % 8 != 0) offered = onwards;
        return offered[move.Pick / 4 % offered.Length] switch
        {
            "manager-informed" => Kind.ManagerInformed,
            "interview" => Kind.Interview,
            "assessment" => either ? Kind.AssessExtremism : Kind.AssessOther,
            "redirection" => Kind.Redirect,
            "pet-eae-report" => Kind.PetEaeReport,
            // Mostly the feedback the assessed tier calls for (§4.2.2 I a/b), sometimes the other one.
            "feedback" => (oracle.Assessment?.Tier == "targeted") == (move.Pick % 5 != 0) ? Kind.FeedbackTargeted : Kind.FeedbackGuidance,
            "citizen-guidance" => Kind.GuideCitizen,
            "handover" => Kind.HandOver,
            "crisis-team" => Kind.CrisisTeam,
            "preparedness-plan" => Kind.PreparednessPlan,
            "interventions" => Kind.RecommendIntervention,
            "intervention-decision" => Kind.DecideIntervention,
            "follow-ups" => Kind.FollowUp,
            "follow-up-completion" => Kind.CompleteFollowUp,
            "claim" => Kind.Claim,
            "assignment" => Kind.Assign,
            "evaluation" => Kind.Evaluate,
            "closure" => Kind.Close,
            "reopening" => Kind.Reopen,
            "reassessment" => Kind.Reassess,
            // §5.3: internal communication, or the press steps in their order (heads, spokesperson, message).
            "crisis-communication" => CrisisCommunication(oracle, move.Pick),
            _ => Kind.Disclose
        };
    }

    private static bool Rare(ConcurrentDictionary<string, int> accepted, string step) => accepted.GetValueOrDefault(step) < 3;

    /// <summary>§5.3: internal communication, or the press steps in their order (heads, spokesperson, message).</summary>
    private static Kind CrisisCommunication(CaseOracle oracle, int pick) =>
        pick % 8 == 0 ? Kind.InternalCommunication : !oracle.HeadsInformed ? Kind.HeadsInformed : !oracle.Spokesperson ? Kind.Spokesperson : Kind.PressMessage;

    /// <summary>
    /// After each command, from what the spec itself knows: the stored history has the acknowledged length
    /// and breaks no rule; after an acceptance the case, its list row, its timeline and its disclosure log
    /// as the API answers them are what the oracle says.
    /// </summary>
    private async Task Holds(Guid id, CaseOracle? oracle, Sequence sequence, string after, bool took)
    {
        var context = $"after {after} in [{sequence}]";
        var events = await Host.StoredEvents(id);
        events.Count.ShouldBe((int)(oracle?.Version ?? 0), $"the stored history has exactly what was acknowledged, {context}");
        if (oracle is null) return;
        events.Select(e => e.EventTypeName).ShouldBe(oracle.Lines.Select(l => l.Kind), $"the stored event types, {context}");
        PlanHistory.Violations(events).ShouldBeEmpty(context);
        if (!took) return;

        var mismatches = new List<string>();
        var view = await Host.Get($"/api/cases/{id}", Caller.BfuMember);
        view.Status.ShouldBe(HttpStatusCode.OK, $"{view} {context}");
        mismatches.AddRange(oracle.CaseMismatches(view.Body!).Select(m => $"case {m}"));

        // Newest first: at most the three cases other threads started since this one are above it.
        var list = await Host.Get("/api/cases?pageSize=20", Caller.BfuMember);
        var row = list.Body!["items"]!.AsArray().SingleOrDefault(r => r!["id"]!.GetValue<Guid>() == id);
        row.ShouldNotBeNull($"the case is on the list's first page, {context}");
        mismatches.AddRange(oracle.RowMismatches(row).Select(m => $"list row {m}"));

        var timeline = await Host.Get($"/api/cases/{id}/timeline", Caller.BfuMember);
        mismatches.AddRange(oracle.TimelineMismatches(timeline.Body!.AsArray()));

        var log = await Host.Get($"/api/disclosures?caseId={id}&pageSize=100", Caller.Legal);
        log.Status.ShouldBe(HttpStatusCode.OK, $"{log} {context}");
        mismatches.AddRange(oracle.DisclosureLogMismatches(log.Body!["items"]!.AsArray()));

        mismatches.ShouldBeEmpty(context);
    }

    private static JsonObject Body(long version, object fields)
    {
        var body = JsonSerializer.SerializeToNode(fields, HttpSpeech.Json)!.AsObject();
        body.Insert(0, "version", version);
        return body;
    }

    /// <summary>The step's route, and the body as the spec writes it (its own JSON, in the README's words); null for malformed JSON.</summary>
    private static (string Step, string Url, JsonObject? Body) Command(Kind kind, Guid id, long version, int pick, CaseOracle? oracle, CaseOracle? related)
    {
        // Mostly targeted (b), so courses reach the crisis team's work; sometimes specific or general (a).
        var level = pick / 2 % 3 != 0 ? "high" : "moderate";
        var tier = pick / 2 % 3 != 0 ? "targeted" : pick / 2 % 2 == 0 ? "specific" : "general";
        var disclosure = new
        {
            recipient = new { type = kind == Kind.DiscloseToThePress ? "press" : "school", name = "Hirtshals Skole", role = "school leader" },
            basis = new { cooperation = "ssp", provision = kind == Kind.DiscloseUnderStk1 ? "stk1" : "stk2", purpose = "coordinated-effort" },
            categories = new[] { "school-or-education" },
            necessity = "The school must know to support the pupil."
        };
        // An intervention still waiting for its decision when there is one, else one already decided or unknown.
        var intervention = oracle?.Interventions.Where(i => i.Decision is null).Select(i => (Guid?)i.Id).FirstOrDefault()
                           ?? (pick % 2 == 0 ? oracle?.Interventions.Select(i => (Guid?)i.Id).FirstOrDefault() : null) ?? Guid.NewGuid();
        var (step, fields) = kind switch
        {
            Kind.ManagerInformed => ("manager-informed", (object)new { }),
            Kind.Interview => ("interview", new { notificationDutyExplained = true, immigrationServiceDutyExplained = true, notes = "Notes from the interview." }),
            Kind.AssessExtremism => ("assessment", new { concernsExtremism = true, participants = new[] { "bfu", "police" }, concernLevel = level, tier }),
            Kind.AssessOther => ("assessment", new { concernsExtremism = false, participants = new[] { "bfu" } }),
            Kind.Reassess => ("reassessment", new { participants = new[] { "bfu", "police" }, concernLevel = level, tier }),
            Kind.Redirect => ("redirection", new { body = "Familieafdelingen", reason = "wellbeing" }),
            Kind.PetEaeReport => ("pet-eae-report", new { }),
            Kind.FeedbackGuidance => ("feedback", new { kind = "guidance" }),
            Kind.FeedbackTargeted => ("feedback", new { kind = "targeted" }),
            Kind.HandOver => ("handover", new { receivingAuthority = "Skoleafdelingen" }),
            Kind.CrisisTeam => ("crisis-team", new { departments = new[] { "bfu", "police" } }),
            Kind.PreparednessPlan => ("preparedness-plan", new { plan = "Daily contact with the school; the family is offered a mentor." }),
            Kind.RecommendIntervention => ("interventions", new { kind = "specialised-mentor" }),
            Kind.DecideIntervention => ("decision", new { decision = pick % 2 == 0 ? "granted" : "refused", authority = "Børne- og familieafdelingen" }),
            Kind.FollowUp => ("follow-ups", new { circle = "family" }),
            Kind.Evaluate => ("evaluation", new { outcome = "concern-reduced" }),
            Kind.Close => ("closure", new { }),
            Kind.Reopen => ("reopening", new { reason = "A new concern about the same person." }),
            Kind.Disclose or Kind.DiscloseToThePress or Kind.DiscloseUnderStk1 => ("disclosures", disclosure),
            Kind.InternalCommunication => ("internal-communications", new
            {
                senderIsManager = true, senderFunction = "head of school", audience = new[] { "staff" }, whatIsDone = "The crisis team meets daily.",
                whoActs = "The crisis team.", howToBehave = "Do not comment on the case.", contact = "Call the SSP consultant."
            }),
            Kind.HeadsInformed => ("press/heads-informed", new { headOfChildrenAndFamily = true, headOfLocalPolice = pick % 7 != 0 }),
            Kind.Spokesperson => ("press/spokesperson", new { function = "communications chief" }),
            Kind.PressMessage => ("press/messages", new
            {
                keyMessages = new[] { "The municipality takes the concern seriously.", "The crisis team works with the school.", "Questions go to the spokesperson." }
            }),
            Kind.GuideCitizen => ("citizen-guidance", new
            {
                guidance = (pick % 5) switch
                {
                    0 => new[] { "national-hotline" },
                    1 => new[] { "police114", "emergency112" },
                    2 => new[] { "police114", "national-hotline" },
                    3 => new[] { "emergency112" },
                    _ => Array.Empty<string>()
                }
            }),
            // What the Infohus learned: mostly the person's age (a triaged concern is then routed by it), sometimes not even that.
            Kind.CorrectRegistration => ("registration", new
            {
                registration = JsonSerializer.SerializeToNode(Given.Registration((pick / 8 % 3) switch { 0 => 15, 1 => 30, _ => null },
                    pick / 24 % 2 == 0 ? "sindal" : "hirtshals"), HttpSpeech.Json)
            }),
            Kind.Erase => ("erasure", new { reason = "data-subject-request", reference = "J.nr. 2026-14" }),
            Kind.Claim => ("claim", new { }),
            // Mostly to another member than whoever has it now, sometimes to the same (a 409).
            Kind.Assign => ("assignment", new
            {
                assignee = (pick % 3) switch
                {
                    0 => new { memberId = Caller.PoliceMember.Subject, name = "Spec Police", department = "police" },
                    1 => new { memberId = Caller.SspConsultant.Subject, name = "Spec SSP", department = "bfu" },
                    _ => new { memberId = Caller.BfuMember.Subject, name = "Spec BFU", department = "bfu" }
                }
            }),
            Kind.CompleteFollowUp => ("completion", new { }),
            Kind.Note => ("notes", new
            {
                kind = (pick % 4) switch { 0 => "phone-call", 1 => "school-contact", 2 => "meeting", _ => "other" },
                text = $"Note {pick}: the school called about the pupil."
            }),
            // Sent as multipart/form-data (DocumentForm); the body says which file and which kind.
            Kind.Document => ("documents", new
            {
                kind = (pick % 4) switch { 0 => "interview-form", 1 => "preparedness-plan", 2 => "letter", _ => "other" },
                file = pick % 2 == 0 ? "pdf" : "png", pick
            }),
            Kind.Link => ("links", new
            {
                otherCaseId = related is not null && pick % 7 != 1 ? related.Id : pick % 7 == 1 ? id : Guid.NewGuid(),
                reason = (pick % 4) switch { 0 => "sibling", 1 => "same-group", 2 => "same-milieu", _ => "other" }
            }),
            Kind.Malformed => ("assessment", null!),
            _ => throw new ArgumentOutOfRangeException(nameof(kind))
        };
        // An open follow-up when there is one, else one already completed or unknown.
        var followUp = oracle?.OpenFollowUps.Select(f => (Guid?)f).FirstOrDefault() ?? (pick % 2 == 0 ? oracle?.CompletedFollowUps.Select(f => (Guid?)f).FirstOrDefault() : null) ?? Guid.NewGuid();
        var url = step switch
        {
            "decision" => $"/api/cases/{id}/interventions/{intervention}/decision",
            "completion" => $"/api/cases/{id}/follow-ups/{followUp}/completion",
            _ => $"/api/cases/{id}/{step}"
        };
        if (fields is null) return (step, url, null);
        var body = Body(version, fields);
        // The oracle needs to know which intervention was decided; the API reads it from the route.
        if (step == "decision") return (step, url, WithIntervention(body, intervention));
        if (step == "completion") body["followUpId"] = followUp.ToString();
        return (step, url, body);
    }

    /// <summary>
    /// The body as sent: without the intervention's or follow-up's id, which the route names and only the
    /// oracle reads from the body (the API refuses a field it does not know).
    /// </summary>
    private static string? Sent(JsonObject? body)
    {
        if (body?.DeepClone() is not JsonObject sent) return null;
        sent.Remove("interventionId");
        sent.Remove("followUpId");
        return sent.ToJsonString();
    }

    private static JsonObject WithIntervention(JsonObject body, Guid intervention)
    {
        body["interventionId"] = intervention.ToString();
        return body;
    }

    /// <summary>A sibling's referral, made when the sequence first links its case: the other end of its links.</summary>
    private async Task<CaseOracle> SecondReferral(ConcurrentDictionary<Guid, CaseOracle> cases, ConcurrentDictionary<int, int> statuses)
    {
        var sent = Given.EmployeeReferral(16);
        var referral = await Host.Post("/api/cases", sent, Caller.BfuMember);
        Count(statuses, referral);
        referral.Status.ShouldBe(HttpStatusCode.Created, referral.ToString());
        var related = new CaseOracle(referral.Id, false, 16, sent.Registration.District, sent.Description, Caller.BfuMember);
        cases[related.Id] = related;
        return related;
    }

    /// <summary>
    /// The journal's and the links' own rules, from the README and the issue, not from the decisions: members and the
    /// coordinator only (anonymous 401, other roles 403); on the version the caller saw; never on an erased case; a
    /// note or a document only on an open case (at any stage, after hand-over and redirection too), a link also on a
    /// closed one; a link to a case that exists, is not the case itself, and is not linked to it already. A version
    /// below 1 is a 400 before any of these.
    /// </summary>
    private static (bool Accept, HttpStatusCode? Refusal) JournalOrLinkExpected(string step, Caller by, long versionSent, CaseOracle? oracle,
        JsonObject? body, CaseOracle? related)
    {
        if (by == Caller.Anonymous) return (false, HttpStatusCode.Unauthorized);
        if (by.Role is not (Role.Member or Role.Coordinator)) return (false, HttpStatusCode.Forbidden);
        if (oracle is null || body is null) return (false, null);
        // A version before the referral's names no state of any case: invalid, not stale.
        if (versionSent < 1) return (false, HttpStatusCode.BadRequest);
        if (step == "links")
        {
            var other = body["otherCaseId"]!.GetValue<Guid>();
            if (other == oracle.Id) return (false, versionSent == oracle.Version && !oracle.PersonalDataErased ? HttpStatusCode.BadRequest : HttpStatusCode.Conflict);
            if (related is null || other != related.Id) return (false, HttpStatusCode.BadRequest);
            if (versionSent != oracle.Version || oracle.PersonalDataErased) return (false, HttpStatusCode.Conflict);
            return oracle.Links.Any(l => l.Other == other) ? (false, HttpStatusCode.Conflict) : (true, null);
        }
        if (versionSent != oracle.Version || oracle.PersonalDataErased || oracle.Status == "closed") return (false, HttpStatusCode.Conflict);
        return (true, null);
    }

    /// <summary>A small generated PDF or PNG, known by its magic number, as a browser's form sends it.</summary>
    private static MultipartFormDataContent DocumentForm(JsonObject body)
    {
        var file = new ByteArrayContent(DocumentBytes(body));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent
        {
            { new StringContent(body["version"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture)), "version" },
            { new StringContent(body["kind"]!.GetValue<string>()), "kind" },
            { file, "file", body["file"]!.GetValue<string>() == "pdf" ? "samtale.pdf" : "foto.png" }
        };
    }

    private static byte[] DocumentBytes(JsonObject body)
    {
        var pick = body["pick"]!.GetValue<int>();
        var filler = System.Text.Encoding.ASCII.GetBytes(new string('x', 64 + pick * 13));
        return body["file"]!.GetValue<string>() == "pdf"
            ? [.. "%PDF-1.7\n"u8, .. filler, .. "\n%%EOF\n"u8]
            : [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. filler];
    }

    /// <summary>An accepted document is read back as it was sent, with the type its first bytes show.</summary>
    private async Task DocumentReadsBack(Guid id, Answer answer, JsonObject body, string context)
    {
        var download = await Host.Download($"/api/cases/{id}/documents/{answer.Body!["documentId"]!.GetValue<Guid>()}", Caller.BfuMember);
        download.Status.ShouldBe(HttpStatusCode.OK, context);
        download.Content.ShouldBe(DocumentBytes(body), context);
        download.Headers.ContentType.ToString().ShouldBe(body["file"]!.GetValue<string>() == "pdf" ? "application/pdf" : "image/png", context);
    }

    private static void Count(ConcurrentDictionary<int, int> statuses, Answer answer) => statuses.AddOrUpdate((int)answer.Status, 1, (_, n) => n + 1);
}
