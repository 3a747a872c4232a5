using Infohus.EventStore.PersonalData;
using Microsoft.Extensions.Options;

namespace Infohus.Api.Cases.Intake;

/// <summary>A bekymringshenvendelse as a member records it at intake.</summary>
public sealed record ReceiveReferral(
    ReferralSource Source,
    ReferralChannel Channel,
    ReferrerOrganisation ReferrerOrganisation,
    Registration Registration,
    string Description,
    Person? Subject = null,
    Referrer? Referrer = null,
    CitizenSituation? CitizenSituation = null,
    DateTimeOffset? OccurredAt = null,
    FirstConcern? FirstConcern = null);

/// <summary>Who the concern is about, as far as it is known. Stored sealed with the case's key.</summary>
public sealed record Person(string? Name = null, string? CprNumber = null, string? Address = null, string? Contact = null);

/// <summary>Who brought the concern. Stored sealed with the case's key.</summary>
public sealed record Referrer(string? Name = null, string? Contact = null);

/// <summary>The new case; for a citizen also who handles it and where to guide the citizen (§4.2.2 II).</summary>
public sealed record ReferralReceipt(Guid Id, long Version, CitizenRoute? Route, string? ResponsibleDepartment, IReadOnlyList<GuidanceNote> Guidance, string Reference,
    IReadOnlyList<SamePersonCase>? EarlierCases = null);

/// <summary>Another case about the same person, found through the blind index: no personal data, only what finds the case.</summary>
public sealed record SamePersonCase(Guid Id, string? Reference, CaseStatus Status)
{
    /// <summary>The cases by id, in the order they were received.</summary>
    public static async Task<IReadOnlyList<SamePersonCase>> Load(IQuerySession session, IEnumerable<Guid> ids, CancellationToken cancellation)
    {
        var cases = new List<(DateTimeOffset ReceivedAt, SamePersonCase Case)>();
        foreach (var id in ids)
        {
            if (await session.Events.AggregateStreamAsync<Case>(id, token: cancellation) is { } state)
                cases.Add((state.ReceivedAt, new SamePersonCase(id, state.Reference, state.Status)));
        }
        return [.. cases.OrderBy(c => c.ReceivedAt).Select(c => c.Case)];
    }
}

public sealed record GuidanceNote(CitizenGuidance Code, string Text);

public static class ReceiveReferralEndpoint
{
    [WolverinePost("/api/cases"), Authorize(Policy = Policies.CaseWork)]
    public static async Task<IResult> Post(
        ReceiveReferral? command, IDocumentSession session, HttpContext context,
        IOptions<ActionPlanSettings> plan, PersonalDataProtection protection, PersonIndex index)
    {
        if (command is null) return Problems.Invalid("The request body is missing.");
        if (StreamWrites.BusinessTime(context, command.OccurredAt) is not { } at) return Problems.Invalid("occurredAt lies in the future.");
        // The message says what is wrong, never what was sent: the value is personal data.
        if (command.Subject?.CprNumber is { } cpr && !CprNumber.IsValid(cpr))
            return Problems.Invalid("A CPR number is 10 digits, written DDMMYY-XXXX or DDMMYYXXXX, and begins with a date of birth that exists.");

        var caseId = Guid.CreateVersion7();
        var (key, cipher) = protection.NewKey(caseId, at);
        var subject = command.Subject is { } s
            ? new SubjectDetails(cipher.Seal(s.Name), cipher.Seal(s.CprNumber), cipher.Seal(s.Address), cipher.Seal(s.Contact))
            : SubjectDetails.None;
        var referrer = command.Referrer is { } r ? new ReferrerDetails(cipher.Seal(r.Name), cipher.Seal(r.Contact)) : ReferrerDetails.None;

        // The reference's number is taken in the transaction that appends the referral (gapless, below).
        await session.BeginTransactionAsync(context.RequestAborted);
        var reference = await CaseReferences.TakeNextAsync(session.Connection!, CaseReferences.YearOf(at), context.RequestAborted);
        // Has this person been referred before? The blind index answers with hashes only (PersonIndex).
        var entries = index.EntriesFor(command.Subject?.Name, command.Subject?.CprNumber);
        var earlier = await SamePersonCase.Load(session, await PersonIndexRows.CasesWith(session, entries, context.RequestAborted), context.RequestAborted);

        var decision = ReceiveReferralStep.ReceiveReferral(caseId, command.Source, command.Channel, command.ReferrerOrganisation,
            command.Registration, cipher.Seal(command.Description), subject, referrer, command.CitizenSituation,
            plan.Value, at, context.User.ToMemberRef(), reference, command.FirstConcern);
        return await session.Commit(context, decision,
            events =>
            {
                // The key goes in the same transaction as the case it seals.
                session.Store(key);
                PersonIndexRows.Record(session, caseId, entries);
                session.Events.StartStream<Case>(caseId, events);
            },
            () =>
            {
                var routed = decision.Events.OfType<CitizenReferralRouted>().SingleOrDefault();
                var receipt = new ReferralReceipt(caseId, decision.Events.Count, routed?.Route, routed?.ResponsibleDepartment.ClaimValue(),
                    [.. (routed?.Guidance ?? []).Select(code => new GuidanceNote(code, GuidanceText(code)))], reference, earlier);
                return Results.Created($"/api/cases/{caseId}", receipt);
            });
    }

    private static string GuidanceText(CitizenGuidance guidance) => guidance switch
    {
        CitizenGuidance.Police114 => "Suspicion that illegal acts have happened or will happen: tell the police on 114.",
        CitizenGuidance.Emergency112 => "Acute danger: call 112.",
        CitizenGuidance.NationalHotline => "Advice on radicalisation and extremism: the national hotline, 41 74 90 90, 8-22 (antiradikalisering.dk).",
        _ => throw new ArgumentOutOfRangeException(nameof(guidance))
    };
}
