using Infohus.Api.Cases.Intake;
using Infohus.Api.Legal;
using Infohus.EventStore.PersonalData;

namespace Infohus.Api.People;

/// <summary>
/// "Has this person been referred before?": by CPR number, or by name with the date of birth. A POST,
/// so the CPR number and the name travel in the body and never land in a URL or an access log line.
/// </summary>
public sealed record LookUpPerson(string? CprNumber = null, string? Name = null, DateOnly? BirthDate = null);

public static class LookUpPersonEndpoint
{
    public const string Endpoint = "POST /api/people/cases";

    /// <summary>
    /// The cases about the person, found through the blind index. Case readers only, with a purpose;
    /// every case found is access-logged, because the answer tells that this person has a case there.
    /// Every case reader may read every case, so every case found is shown.
    /// </summary>
    [WolverinePost("/api/people/cases"), Authorize(Policy = Policies.CaseRead)]
    public static async Task<IResult> Post(LookUpPerson? command, IQuerySession session, HttpContext context, PersonIndex index)
    {
        var (purpose, noPurpose) = AccessLog.PurposeOf(context);
        if (noPurpose is not null) return noPurpose;
        if (command is null) return Problems.Invalid("The request body is missing.");

        PersonIndexEntry? entry;
        if (command.CprNumber is { } cpr)
        {
            // The message says what is wrong, never what was sent: the value is personal data.
            if (!CprNumber.IsValid(cpr))
                return Problems.Invalid("A CPR number is 10 digits, written DDMMYY-XXXX or DDMMYYXXXX, and begins with a date of birth that exists.");
            entry = index.ForCpr(cpr);
        }
        else if (command.Name is { } name && command.BirthDate is { } born)
        {
            entry = index.ForName(name, born);
        }
        else
        {
            return Problems.Invalid("Look up by cprNumber, or by name with birthDate.");
        }
        if (entry is null) return Problems.Invalid("Look up by cprNumber, or by name with birthDate.");

        var cases = await SamePersonCase.Load(session, await PersonIndexRows.CasesWith(session, [entry], context.RequestAborted), context.RequestAborted);
        foreach (var found in cases)
            await AccessLog.RecordAsync(session.DocumentStore, context, found.Id, Endpoint, purpose!);
        return Results.Ok(cases);
    }
}
