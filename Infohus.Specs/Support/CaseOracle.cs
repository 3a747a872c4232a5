using System.Text.Json.Nodes;

namespace Infohus.Specs.Support;

/// <summary>
/// What a case must show, worked out by the spec alone from the commands it sent and the API accepted:
/// no fold, decision or read model of the product is used. Each accepted step appends the events the
/// README names for it (a citizen's referral is also routed; a triaged concern's age, once known, reroutes
/// it), and moves the case list's stage, the case's facts, its timeline and its disclosure log as the
/// action plan says. <see cref="Mismatches"/> compares that with what the API answers.
/// </summary>
public sealed class CaseOracle
{
    public const string Erased = "[erased]";

    /// <summary>One event as the timeline shows it: kind and who acted; for a note its text, for a document the id its sentence names.</summary>
    public sealed record Line(string Kind, string Actor, string? Role, string? Department, string? Text = null, string? SentenceNames = null);

    public Guid Id { get; }
    public List<Line> Lines { get; } = [];
    public long Version => Lines.Count;
    public bool FromCitizen { get; }
    public string Description { get; }
    public string? Route { get; private set; }
    public string ResponsibleDepartment { get; private set; }
    public int? Age { get; private set; }
    public string District { get; private set; }
    public string ReceivingDepartment { get; }
    public string Status { get; private set; } = "open";
    public string Stage { get; private set; } = "received";
    public bool ManagerInformed { get; private set; }
    public bool InterviewHeld { get; private set; }
    public (bool Extremism, string? Level, string? Tier)? Assessment { get; private set; }
    public string? RedirectedTo { get; private set; }
    public bool ReportedToPetEae { get; private set; }
    public string? Feedback { get; private set; }
    public string? HandedOverTo { get; private set; }
    public bool CrisisTeam { get; private set; }
    public int PreparednessPlans { get; private set; }
    public List<(Guid Id, string? Decision)> Interventions { get; } = [];
    public int FollowUps { get; private set; }
    public List<Guid> OpenFollowUps { get; } = [];
    public List<Guid> CompletedFollowUps { get; } = [];
    public string? Evaluation { get; private set; }
    public bool Guided { get; private set; }
    public bool HeadsInformed { get; private set; }
    public bool Spokesperson { get; private set; }
    public bool PersonalDataErased { get; private set; }
    public List<Guid> Disclosures { get; } = [];
    public List<(Guid Other, string Reason)> Links { get; } = [];

    public CaseOracle(Guid id, bool fromCitizen, int? age, string district, string description, Caller referrer, string? firstLevel = null)
    {
        Id = id;
        FromCitizen = fromCitizen;
        Age = age;
        District = district;
        Description = description;
        ReceivingDepartment = Dept(referrer);
        ResponsibleDepartment = ReceivingDepartment;
        Lines.Add(By("referral_received", referrer));
        // §4.2.2 II: a citizen's concern is routed at once, by age, or to the coordinator's triage without one.
        if (fromCitizen) Routed("citizen_referral_routed", referrer, "routed");
        // A first concern level given at intake is recorded with the referral, after its routing.
        if (firstLevel is not null) Lines.Add(By("intake_triaged", referrer));
    }

    /// <summary>A step the API accepted (2xx), by who sent it, with the body the spec sent and the answer.</summary>
    public void Accepted(string step, Caller by, JsonNode body, JsonNode answer)
    {
        switch (step)
        {
            case "registration":
                Lines.Add(By("registration_corrected", by));
                var registration = body["registration"]!;
                Age = registration["age"]?.GetValue<int>();
                District = registration["district"]!.GetValue<string>();
                // A triaged concern the Infohus still handles follows the age as soon as it is known.
                if (Route == "coordinator-triage" && Age is not null && RedirectedTo is null) Routed("citizen_referral_rerouted", by, null);
                break;
            case "manager-informed":
                Step("nearest_manager_informed", by, "manager-informed");
                ManagerInformed = true;
                break;
            case "interview":
                Step("concern_interview_held", by, "interviewed");
                InterviewHeld = true;
                break;
            case "assessment":
                Step("concern_assessed", by, "assessed");
                Assessment = (body["concernsExtremism"]!.GetValue<bool>(), body["concernLevel"]?.GetValue<string>(), body["tier"]?.GetValue<string>());
                break;
            case "reassessment":
                // After feedback, while open: the new assessment calls for its own feedback; a hand-over no longer
                // holds, and stepped down from the targeted tier the crisis team is stood down.
                Step("concern_reassessed", by, "reassessed");
                Assessment = (true, body["concernLevel"]!.GetValue<string>(), body["tier"]!.GetValue<string>());
                (Feedback, HandedOverTo) = (null, null);
                if (Assessment.Value.Tier != "targeted") (CrisisTeam, PreparednessPlans) = (false, 0);
                break;
            case "redirection":
                Step("referral_redirected", by, "redirected");
                RedirectedTo = body["body"]!.GetValue<string>();
                break;
            case "pet-eae-report":
                Step("reported_to_pet_eae", by, null);
                Step("regional_infohus_informed", by, null);
                ReportedToPetEae = true;
                break;
            case "feedback":
                Step("feedback_given", by, "feedback-given");
                Feedback = body["kind"]!.GetValue<string>();
                break;
            case "citizen-guidance":
                Step("citizen_guided", by, "citizen-guided");
                Guided = true;
                break;
            case "handover":
                Step("case_handed_over", by, "handed-over");
                HandedOverTo = body["receivingAuthority"]!.GetValue<string>();
                break;
            case "crisis-team":
                Step("crisis_team_convened", by, "crisis-team");
                CrisisTeam = true;
                break;
            case "preparedness-plan":
                Step("preparedness_plan_adopted", by, null);
                PreparednessPlans++;
                break;
            case "interventions":
                Step("intervention_recommended", by, null);
                Interventions.Add((answer["interventionId"]!.GetValue<Guid>(), null));
                break;
            case "decision":
                Step("intervention_decided", by, null);
                var decided = Guid.Parse(body["interventionId"]!.GetValue<string>());
                var at = Interventions.FindIndex(i => i.Id == decided);
                Interventions[at] = (decided, body["decision"]!.GetValue<string>());
                break;
            case "follow-ups":
                // The follow-up and, apart, its owner and due time (the stored FollowUpOpened of older follow-ups had neither).
                Step("follow_up_opened", by, null);
                Step("follow_up_assigned", by, null);
                FollowUps++;
                OpenFollowUps.Add(Guid.Parse(answer["followUpId"]!.GetValue<string>()));
                break;
            case "completion":
                Step("follow_up_completed", by, null);
                var completed = Guid.Parse(body["followUpId"]!.GetValue<string>());
                OpenFollowUps.Remove(completed);
                CompletedFollowUps.Add(completed);
                break;
            case "claim" or "assignment":
                Step("case_assigned", by, null);
                break;
            case "evaluation":
                Step("course_evaluated", by, "evaluated");
                Evaluation = body["outcome"]!.GetValue<string>();
                break;
            case "closure":
                Step("case_closed", by, "closed");
                Status = "closed";
                break;
            case "reopening":
                Step("case_reopened", by, "reopened");
                // A new round: assessed (or the citizen guided) again; the earlier course stays in the history.
                Status = "open";
                (Assessment, RedirectedTo, ReportedToPetEae, Feedback, HandedOverTo, CrisisTeam, PreparednessPlans, Evaluation, Guided) =
                    (null, null, false, null, null, false, 0, null, false);
                break;
            case "erasure":
                // The erasure event names who erased, not a member's department; only legal erases through the API.
                Lines.Add(new Line("personal_data_erased", by.Subject, "legal", null));
                PersonalDataErased = true;
                break;
            case "disclosures":
                Step("information_disclosed", by, null);
                Disclosures.Add(answer["disclosureId"]!.GetValue<Guid>());
                break;
            case "internal-communications":
                Step("internal_communication_sent", by, null);
                break;
            case "press/heads-informed":
                Step("press_heads_informed", by, null);
                HeadsInformed = true;
                break;
            case "press/spokesperson":
                Step("spokesperson_appointed", by, null);
                Spokesperson = true;
                break;
            case "press/messages":
                Step("press_message_issued", by, null);
                break;
            case "notes":
                // The journal runs beside the plan: a line with the note's text, no stage moved.
                Lines.Add(By("journal_note_added", by) with { Text = body["text"]!.GetValue<string>() });
                break;
            case "documents":
                Lines.Add(By("document_attached", by) with { SentenceNames = answer["documentId"]!.GetValue<Guid>().ToString() });
                break;
            case "links":
                Lines.Add(By("cases_linked", by));
                Links.Add((body["otherCaseId"]!.GetValue<Guid>(), body["reason"]!.GetValue<string>()));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "a step the oracle does not know");
        }
    }

    /// <summary>The other end of an accepted link: the same event on this case's stream, naming the case linked from.</summary>
    public void LinkedFrom(CaseOracle from, Caller by, JsonNode body)
    {
        Lines.Add(By("cases_linked", by));
        Links.Add((from.Id, body["reason"]!.GetValue<string>()));
    }

    /// <summary>The case as GET /api/cases/{id} must show it to a member.</summary>
    public IEnumerable<string> CaseMismatches(JsonNode view)
    {
        var state = view["state"]!;
        var personal = view["personal"]!;
        var assessment = state["assessment"];
        return Differences(
            ("version", view["version"]!.GetValue<long>(), Version),
            ("status", state["status"]!.GetValue<string>(), Status),
            ("route", state["route"]?.GetValue<string>(), Route),
            ("responsibleDepartment", state["responsibleDepartment"]!.GetValue<string>(), ResponsibleDepartment),
            ("registration.age", state["registration"]!["age"]?.GetValue<int>(), Age),
            ("registration.district", state["registration"]!["district"]!.GetValue<string>(), District),
            ("managerInformed", state["managerInformed"]!.GetValue<bool>(), ManagerInformed),
            ("interviewHeld", state["interviewHeld"]!.GetValue<bool>(), InterviewHeld),
            ("assessment", assessment is null ? null : (assessment["concernsExtremism"]!.GetValue<bool>(), assessment["concernLevel"]?.GetValue<string>(), assessment["tier"]?.GetValue<string>()), Assessment),
            ("redirectedTo", state["redirectedTo"]?.GetValue<string>(), RedirectedTo),
            ("reportedToPetEae", state["reportedToPetEae"]!.GetValue<bool>(), ReportedToPetEae),
            ("feedback", state["feedback"]?.GetValue<string>(), Feedback),
            ("handedOverTo", state["handedOverTo"]?.GetValue<string>(), HandedOverTo),
            ("crisisTeam", state["crisisTeam"]!.AsArray().Count > 0, CrisisTeam),
            ("preparednessPlans", state["preparednessPlans"]!.GetValue<int>(), PreparednessPlans),
            ("interventions", string.Join(",", state["interventions"]!.AsArray().Select(i => $"{i!["id"]}:{i["decision"]}")),
                string.Join(",", Interventions.Select(i => $"{i.Id}:{i.Decision}"))),
            ("followUps", state["followUps"]!.GetValue<int>(), FollowUps),
            ("evaluation", state["evaluation"]?.GetValue<string>(), Evaluation),
            ("guided", state["guidedTo"] is JsonArray, Guided),
            ("personal.erased", personal["erased"]!.GetValue<bool>(), PersonalDataErased),
            ("links", string.Join(",", state["links"]!.AsArray().Select(l => $"{l!["otherCaseId"]}:{l["reason"]}")),
                string.Join(",", Links.Select(l => $"{l.Other}:{l.Reason}"))),
            ("personal.description", personal["description"]?.GetValue<string>(), PersonalDataErased ? Erased : Description));
    }

    /// <summary>The case's row on GET /api/cases.</summary>
    public IEnumerable<string> RowMismatches(JsonNode row) => Differences(
        ("version", row["version"]!.GetValue<long>(), Version),
        ("status", row["status"]!.GetValue<string>(), Status),
        ("stage", row["stage"]!.GetValue<string>(), Stage),
        ("responsibleDepartment", row["responsibleDepartment"]!.GetValue<string>(), ResponsibleDepartment),
        ("concernLevel", row["concernLevel"]?.GetValue<string>(), Assessment?.Level),
        ("tier", row["tier"]?.GetValue<string>(), Assessment?.Tier),
        ("personalDataErased", row["personalDataErased"]!.GetValue<bool>(), PersonalDataErased));

    /// <summary>GET /api/cases/{id}/timeline: one line per event, in order, with its kind and who acted.</summary>
    public IEnumerable<string> TimelineMismatches(JsonArray timeline)
    {
        var shown = timeline.Select(l => $"v{l!["version"]} {l["kind"]} by {l["actor"]} ({l["role"]}, {l["department"]})").ToList();
        var expected = Lines.Select((l, i) => $"v{i + 1} {l.Kind} by {l.Actor} ({l.Role}, {l.Department})").ToList();
        if (!shown.SequenceEqual(expected)) return [$"timeline: shown [{string.Join("; ", shown)}], expected [{string.Join("; ", expected)}]"];
        // A note's line shows its text (erased with the case's key), a document's line names the document.
        return Lines.Select((l, i) => (l, shown: timeline[i]!)).SelectMany(x => (IEnumerable<string>)[
            .. x.l.Text is { } text && x.shown["text"]?.GetValue<string>() != (PersonalDataErased ? Erased : text)
                ? [$"timeline v{x.shown["version"]}: text {x.shown["text"]}, expected {(PersonalDataErased ? Erased : text)}"] : Array.Empty<string>(),
            .. x.l.SentenceNames is { } named && !x.shown["sentence"]!.GetValue<string>().Contains(named, StringComparison.Ordinal)
                ? [$"timeline v{x.shown["version"]}: sentence {x.shown["sentence"]} does not name {named}"] : Array.Empty<string>()]);
    }

    /// <summary>GET /api/disclosures?caseId=: exactly the disclosures the API acknowledged.</summary>
    public IEnumerable<string> DisclosureLogMismatches(JsonArray items)
    {
        var shown = items.Select(i => i!["disclosureId"]!.GetValue<Guid>()).Order().ToList();
        return shown.SequenceEqual(Disclosures.Order()) ? [] : [$"disclosure log: shown {shown.Count} [{string.Join(", ", shown)}], expected {Disclosures.Count}"];
    }

    private void Step(string kind, Caller by, string? stage)
    {
        Lines.Add(By(kind, by));
        if (stage is not null) Stage = stage;
    }

    private void Routed(string kind, Caller by, string? stage)
    {
        (Route, ResponsibleDepartment) = Age switch
        {
            null => ("coordinator-triage", "bfu"),
            < 18 => ("ssp-consultant", "bfu"),
            _ => ("police-representative", "police")
        };
        Step(kind, by, stage);
    }

    private static Line By(string kind, Caller by) =>
        new(kind, by.Subject, by.Role.ToString().ToLowerInvariant(), by.Department?.ToString().ToLowerInvariant());

    private static string Dept(Caller by) => by.Department!.Value.ToString().ToLowerInvariant();

    private static IEnumerable<string> Differences(params (string Field, object? Shown, object? Expected)[] fields) =>
        fields.Where(f => !Equals(f.Shown, f.Expected)).Select(f => $"{f.Field}: shown {f.Shown ?? "null"}, expected {f.Expected ?? "null"}");
}
