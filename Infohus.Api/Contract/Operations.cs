using Infohus.Api.Cases.Disclosing;
using Infohus.Api.Cases.Intake;
using Infohus.Api.Cases.Reading;
using Infohus.Api.Cases.Targeting;
using Infohus.Api.Legal;
using Infohus.Api.Meetings;
using Infohus.Api.Outreach;
using Infohus.Api.Statistics;
using Infohus.EventStore.Audit;
using Infohus.Projections.Cases;

namespace Infohus.Api.Contract;

/// <summary>What the contract says of one operation that its code cannot: its name, the plan's words for it, and its answer.</summary>
/// <param name="Id">The operationId a generated client names its method by.</param>
/// <param name="Summary">One line, in the action plan's words.</param>
/// <param name="Status">The success status.</param>
/// <param name="Answer">The success body's type (the endpoints return <c>IResult</c>, which says nothing).</param>
/// <param name="Location">A 201 that names the created resource in <c>Location</c>.</param>
/// <param name="Purpose">A personal-data read: <c>X-Purpose</c> is required and the read is access-logged.</param>
/// <param name="Csv">Also answers <c>text/csv</c> when asked with <c>Accept</c>.</param>
public sealed record Operation(string Id, string Summary, int Status, Type Answer, bool Location = false, bool Purpose = false, bool Csv = false);

/// <summary>The answer to a document upload: the case, its new version and the document's id.</summary>
public sealed record DocumentReceipt(Guid Id, long Version, Guid DocumentId);

/// <summary>
/// The contract's table: one line per endpoint, by method and route. Errors, headers, tags and security
/// are derived from the route, the policy and the body (<see cref="OpenApiContract"/>); a new endpoint
/// needs its line here, or the contract spec names it.
/// </summary>
public static class Operations
{
    private static Operation Step(string id, string summary) => new(id, summary, 200, typeof(CaseVersion));

    public static readonly IReadOnlyDictionary<string, Operation> ByRoute = new Dictionary<string, Operation>
    {
        // Intake and registration (§4.2.2)
        ["POST /api/cases"] = new("receiveReferral", "Receive a concern referral and start a case (§4.2.2 I and II)", 201, typeof(ReferralReceipt), Location: true),
        ["POST /api/cases/{id}/registration"] = Step("correctRegistration", "Complete or correct the anonymous registration (§4.2.2 III)"),
        // The concern interview (§4.2.2 I)
        ["POST /api/cases/{id}/manager-informed"] = Step("informManager", "Record that the referrer's nearest manager is informed before the interview (§4.2.2 I)"),
        ["POST /api/cases/{id}/interview"] = Step("holdInterview", "Record the concern interview, with both notices given (§4.2.2 I)"),
        // Assessment
        ["POST /api/cases/{id}/assessment"] = Step("assessConcern", "Assess the concern: about extremism or not, concern level, tier (§4.2.2 I step 4)"),
        ["POST /api/cases/{id}/reassessment"] = Step("reassessConcern", "Assess the concern again after feedback, escalated or stepped down"),
        ["POST /api/cases/{id}/redirection"] = Step("redirectReferral", "Pass a concern that is not about extremism on to the right body (§4.2.2)"),
        ["POST /api/cases/{id}/pet-eae-report"] = Step("reportToPetEae", "The local police reports the case to PET and EAE (§4.3 I)"),
        // Feedback (§4.2.2 I step 6)
        ["POST /api/cases/{id}/feedback"] = Step("giveFeedback", "Give the referrer feedback: a) guidance or b) targeted intervention (§4.2.2 I step 6)"),
        ["POST /api/cases/{id}/handover"] = Step("handOver", "Hand the case over to the referring authority after feedback a)"),
        ["POST /api/cases/{id}/citizen-guidance"] = Step("guideCitizen", "Record where a citizen was guided: 114, 112 or the national hotline (§4.2.2 II)"),
        // Targeted interventions (§4.3)
        ["POST /api/cases/{id}/crisis-team"] = Step("conveneCrisisTeam", "Convene the crisis team across departments and the police (§4.3)"),
        ["POST /api/cases/{id}/preparedness-plan"] = Step("adoptPreparednessPlan", "Adopt the crisis team's preparedness plan (§4.3)"),
        ["POST /api/cases/{id}/interventions"] = new("recommendIntervention", "Recommend an intervention; an authority grants it, never the Infohus (§4.3)", 200, typeof(InterventionRecommendation)),
        ["POST /api/cases/{id}/interventions/{interventionId}/decision"] = Step("decideIntervention", "Record a named authority's grant or refusal of an intervention (§4.3)"),
        ["POST /api/cases/{id}/follow-ups"] = new("openFollowUp", "Open a follow-up on the family, siblings, friends or network (§4.3)", 200, typeof(FollowUpReceipt)),
        ["POST /api/cases/{id}/follow-ups/{followUpId}/completion"] = Step("completeFollowUp", "Complete a follow-up"),
        // Who has the case
        ["POST /api/cases/{id}/claim"] = Step("claimCase", "Take an unassigned case from your department's queue"),
        ["POST /api/cases/{id}/assignment"] = Step("assignCase", "Assign the case to a named member of any department"),
        // Closing
        ["POST /api/cases/{id}/evaluation"] = Step("evaluateCourse", "Evaluate the course (§4.2.2 III)"),
        ["POST /api/cases/{id}/closure"] = Step("closeCase", "Close the case"),
        ["POST /api/cases/{id}/reopening"] = Step("reopenCase", "Reopen a closed case; it goes back to assessment"),
        // Communication in acute situations (§5.3)
        ["POST /api/cases/{id}/internal-communications"] = Step("sendInternalCommunication", "Send the internal communication, by a manager (§5.3.1)"),
        ["POST /api/cases/{id}/press/heads-informed"] = Step("recordHeadsInformed", "Record that the heads of children and family and of local police are informed (§5.3.2)"),
        ["POST /api/cases/{id}/press/spokesperson"] = Step("appointSpokesperson", "Appoint the spokesperson (§5.3.2)"),
        ["POST /api/cases/{id}/press/messages"] = Step("issuePressMessages", "Issue 3-5 key messages to the press, never about the individual case (§5.3.2)"),
        // §115 and personal data
        ["POST /api/cases/{id}/disclosures"] = new("discloseInformation", "Record a disclosure of information under retsplejelovens §115", 200, typeof(DisclosureReceipt)),
        ["POST /api/cases/{id}/erasure"] = Step("erasePersonalData", "Erase the case's personal data by destroying its key"),
        // The journal and related cases
        ["POST /api/cases/{id}/notes"] = Step("addJournalNote", "Write a note in the case's running journal"),
        ["POST /api/cases/{id}/documents"] = new("attachDocument", "Attach a document (PDF, Office, image) to the case", 200, typeof(DocumentReceipt)),
        ["GET /api/cases/{id}/documents/{documentId}"] = new("getDocument", "Download a document attached to the case", 200, typeof(byte[]), Purpose: true),
        ["POST /api/cases/{id}/links"] = Step("linkCases", "Link two related cases (family, group, milieu)"),
        // Reading
        ["GET /api/cases"] = new("listCases", "List cases, newest first, by reference, status, tier, level, department, assignee or period", 200, typeof(CasePage)),
        ["GET /api/cases/{id}"] = new("getCase", "Read a case: its state, version, personal fields and allowed actions", 200, typeof(CaseView), Purpose: true),
        ["GET /api/cases/{id}/timeline"] = new("getTimeline", "Read the case's timeline, one line per event", 200, typeof(IReadOnlyList<TimelineLine>), Purpose: true),
        ["GET /api/cases/{id}/events"] = new("getEvents", "Replay the case's stored events (auditors)", 200, typeof(IReadOnlyList<StoredEvent>), Purpose: true),
        ["GET /api/cases/overdue"] = new("listOverdueCases", "List open cases that missed their reaction deadline", 200, typeof(IReadOnlyList<CaseSummary>)),
        ["POST /api/people/cases"] = new("lookUpPerson", "Find the cases about a person by CPR number, or by name and date of birth", 200, typeof(IReadOnlyList<SamePersonCase>), Purpose: true),
        // Meetings (§3.1)
        ["POST /api/meetings"] = new("callMeeting", "Call an Infohus meeting, monthly or ad hoc (§3.1)", 201, typeof(MeetingReceipt), Location: true),
        ["GET /api/meetings/{id}/agenda"] = new("getAgenda", "Read a meeting's agenda: cases awaiting assessment, overdue and acute ones", 200, typeof(Agenda)),
        // Outreach (§4.2.1, §3.3, §5.2)
        ["POST /api/outreach/meetings"] = new("holdOutreachMeeting", "Record an information and dialogue meeting with front-line staff (§4.2.1)", 201, typeof(OutreachReceipt), Location: true),
        ["POST /api/outreach/meetings/{id}/correction"] = new("correctOutreachMeeting", "Put a recorded outreach meeting's figures right", 200, typeof(OutreachReceipt)),
        ["POST /api/outreach/newsletters"] = new("sendNewsletter", "Record a newsletter sent to the departments' staff (§5.2)", 201, typeof(OutreachReceipt), Location: true),
        ["POST /api/outreach/courses"] = new("takeCourse", "Record a member's course (§3.3)", 201, typeof(OutreachReceipt), Location: true),
        ["GET /api/outreach/{id}"] = new("getOutreach", "Read a recorded outreach item: its kind and coded figures, a meeting's latest correction applied", 200, typeof(OutreachRecord)),
        ["POST /api/outreach/advice"] = new("giveAdvice", "Record anonymous advice to a colleague (§2.1)", 201, typeof(OutreachReceipt), Location: true),
        // Legal review and audit
        ["GET /api/disclosures"] = new("listDisclosures", "List §115 disclosures (legal, auditors)", 200, typeof(DisclosurePage), Purpose: true, Csv: true),
        ["GET /api/access-log"] = new("listAccessLog", "List who read which case's personal data, when and why", 200, typeof(AccessPage), Csv: true),
        ["GET /api/audit/verification"] = new("verifyAudit", "Verify the tamper-evident hash chains of every stream", 200, typeof(AuditVerification)),
        // Statistics (§4.2.2 III, §3.2)
        ["GET /api/statistics"] = new("getStatistics", "Anonymous statistics of one half-year by one or two register dimensions", 200, typeof(StatisticsAnswer), Csv: true),
        ["GET /api/statistics/half-years/{year}/{half}"] = new("getHalfYearReport", "The steering group's half-year report (§3.2)", 200, typeof(HalfYearReport)),
    };

    /// <summary>What each capability (the use case's folder) holds, as the document's tags describe it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Capabilities = new Dictionary<string, string>
    {
        ["Intake"] = "A concern referral starts a case (§4.2.2 I and II).",
        ["Registering"] = "The anonymous registration of every case (§4.2.2 III).",
        ["Interviewing"] = "The nearest manager informed, then the concern interview (§4.2.2 I).",
        ["Assessing"] = "The Infohus assesses the concern; the police report to PET/EAE (§4.2.2 I, §4.3).",
        ["Feedback"] = "Feedback to the referrer and hand-over (§4.2.2 I step 6).",
        ["Guiding"] = "Where a citizen is guided (§4.2.2 II).",
        ["Targeting"] = "Crisis team, preparedness plan, interventions and follow-ups (§4.3).",
        ["Assigning"] = "Who has the case.",
        ["Closing"] = "Evaluation, closure and reopening.",
        ["Communicating"] = "Communication in acute situations (§5.3).",
        ["Disclosing"] = "Disclosures under retsplejelovens §115.",
        ["Erasing"] = "Erasure of a case's personal data.",
        ["Journal"] = "Notes and documents on the case.",
        ["Linking"] = "Related cases.",
        ["Reading"] = "Cases, timelines and stored events; personal-data reads state a purpose and are access-logged.",
        ["Deadlines"] = "Reaction deadlines by concern level (§4).",
        ["People"] = "Has this person been referred before (blind index).",
        ["Meetings"] = "Infohus meetings and their agendas (§3.1).",
        ["Outreach"] = "Information meetings, newsletters, courses and advice (§4.2.1, §3.3, §5.2).",
        ["Legal"] = "The §115 disclosure log and the access log.",
        ["Audit"] = "Tamper evidence.",
        ["Statistics"] = "Anonymous statistics with small cells suppressed (§4.2.2 III).",
    };
}
