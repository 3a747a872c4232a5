using Infohus.Api.Cases.Intake;
using Infohus.EventStore.PersonalData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Infohus.Api.Web.Pages.Henvendelser;

/// <summary>
/// A bekymringshenvendelse registered with every field of the API's <see cref="ReceiveReferral"/>, sent
/// through its endpoint's code under the form's idempotency key. A citizen's referral is never refused
/// (§4.2.2 II); the page then shows the guidance to give the citizen as the API answers it.
/// </summary>
public class NyModel(OutboxedSessionFactory sessions, IMessageBus bus, IOptions<ActionPlanSettings> plan,
    PersonalDataProtection protection, PersonIndex index) : FormPage(sessions, bus)
{
    public IActionResult OnGet()
    {
        NewKey();
        Input = new Indtastning(null, ModelState, plan.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input = new Indtastning(Request.Form, ModelState, plan.Value);
        var command = Read(Input);
        if (command is null || string.IsNullOrWhiteSpace(Key))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (answer, done) = await Send("/api/cases", command, session => ReceiveReferralEndpoint.Post(command, session, HttpContext, plan, protection, index),
            _ => "Henvendelsen er registreret.", answer => $"/sager/{answer.Id}", "Henvendelsen blev ikke registreret.",
            replayed: "Henvendelsen var allerede registreret; den er kun registreret én gang.");
        if (done is not null)
        {
            if (answer.Body.TryGetProperty("guidance", out var guidance) && guidance.GetArrayLength() > 0)
                TempData["Vejledning"] = string.Join(',', guidance.EnumerateArray().Select(g => g.GetProperty("code").GetString()));
            // The person's earlier cases, as the API's receipt names them: id and number, shown once on the new case.
            if (answer.Body.TryGetProperty("earlierCases", out var earlier) && earlier.ValueKind == System.Text.Json.JsonValueKind.Array && earlier.GetArrayLength() > 0)
                TempData["TidligereSager"] = string.Join(',', earlier.EnumerateArray().Select(e => $"{e.GetProperty("id").GetGuid()}|{e.GetProperty("reference").GetString()}"));
            return done;
        }
        ViewData["FejlTitel"] = "Henvendelsen blev ikke registreret";
        return Page();
    }

    private static ReceiveReferral? Read(Indtastning f)
    {
        var source = f.Valg<ReferralSource>("Source", "Vælg hvem henvendelsen kommer fra.");
        var channel = f.Valg<ReferralChannel>("Channel", "Vælg hvordan henvendelsen kom ind.");
        var organisation = f.Valg<ReferrerOrganisation>("ReferrerOrganisation", "Vælg afsenderens forvaltning eller organisation.");
        var age = f.Tal("Age", "Skriv alderen som et helt antal år, eller lad feltet stå tomt.");
        var gender = f.Valg<Gender>("Gender", "Vælg køn (eller Ukendt).");
        var nationality = f.Valg<NationalityGroup>("Nationality", "Vælg nationalitet (eller Ukendt).");
        var district = f.Påkrævet("District", "Vælg bydel eller lokalområde (eller Ukendt).");
        var family = f.Valg<FamilyNetwork>("Family", "Vælg familie og netværk (eller Ukendt).");
        var attachment = f.Valg<Attachment>("Attachment", "Vælg tilknytning (eller Ukendt).");
        var ideology = f.Valg<IdeologyCategory>("Ideology", "Vælg ideologi (eller Uklar).");
        var description = f.Påkrævet("Description", "Beskriv bekymringen.");
        if (source is null || channel is null || organisation is null || gender is null || nationality is null || district is null
            || family is null || attachment is null || ideology is null || description is null || !f.State.IsValid) return null;

        var registration = new Registration(age, gender.Value, nationality.Value, district, family.Value, attachment.Value, ideology.Value,
            f.Flere<WarningSign>("WarningSigns"));
        Person? subject = new[] { "SubjectName", "SubjectCprNumber", "SubjectAddress", "SubjectContact" }.Any(n => f.Tekst(n) is not null)
            ? new Person(f.Tekst("SubjectName"), f.Tekst("SubjectCprNumber"), f.Tekst("SubjectAddress"), f.Tekst("SubjectContact"))
            : null;
        Referrer? referrer = f.Tekst("ReferrerName") is not null || f.Tekst("ReferrerContact") is not null
            ? new Referrer(f.Tekst("ReferrerName"), f.Tekst("ReferrerContact"))
            : null;
        CitizenSituation? situation = source == ReferralSource.Citizen
            ? new CitizenSituation(f.Flag("SuspectedIllegalActs"), f.Flag("Acute"), f.Flag("WantsAdvice"))
            : null;
        FirstConcern? first = f.Tekst("FirstConcernLevel") is { } level
            ? new FirstConcern(level, f.Valg<TriageSource>("FirstConcernGivenBy") ?? TriageSource.ReceivingMember)
            : null;
        return new ReceiveReferral(source.Value, channel.Value, organisation.Value, registration, description, subject, referrer, situation, FirstConcern: first);
    }
}
