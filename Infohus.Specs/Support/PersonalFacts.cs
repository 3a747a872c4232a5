using Alba;
using Infohus.Api.Cases.Intake;

namespace Infohus.Specs.Support;

/// <summary>Known personal data, to look for where it must never be.</summary>
public static class PersonalFacts
{
    public const string Name = "Yrsa Kildegaard-Østergaard";
    public const string Cpr = "240708-4417";
    public const string Address = "Fiskerbakken 17, 9850 Hirtshals";
    public const string Contact = "yrsa.ko@example.dk";
    public const string ReferrerName = "Torben Lærerstuen";
    public const string Description = "Pupil praises a named attacker and shares his manifesto in class";
    public const string InterviewNotes = "Teacher saw the manifesto on the pupil's phone on 3 March";
    public const string Plan = "Mentor Kasper meets the pupil at Hirtshals Skole twice a week";
    public const string EvaluationNotes = "Pupil has left the chat group and attends football again";

    public static readonly string[] All = [Name, Cpr, Address, Contact, ReferrerName, Description, InterviewNotes, Plan, EvaluationNotes];

    public sealed record KnownCase(CaseRef Case, IReadOnlyList<string> Texts);

    /// <summary>A targeted case that has been through every step that carries personal text, up to an evaluation.</summary>
    public static async Task<KnownCase> CaseFullOfPersonalData(this IAlbaHost host)
    {
        var referral = Given.EmployeeReferral() with
        {
            Description = Description,
            Subject = new Person(Name, Cpr, Address, Contact),
            Referrer = new Referrer(ReferrerName, "+45 72 33 33 33")
        };
        var @case = await host.Referral(referral);
        @case = await host.Step(@case, "manager-informed", new InformManager(@case.Version));
        @case = await host.Step(@case, "interview", new HoldInterview(@case.Version, true, true, InterviewNotes));
        @case = await host.Step(@case, "assessment", new AssessConcern(@case.Version, true, [Department.Bfu, Department.Police], "high", PreventionTier.Targeted));
        @case = await host.Step(@case, "feedback", new GiveFeedback(@case.Version, FeedbackKind.Targeted));
        @case = await host.Step(@case, "crisis-team", new ConveneCrisisTeam(@case.Version, [Department.Bfu, Department.Police]));
        @case = await host.Step(@case, "preparedness-plan", new AdoptPreparednessPlan(@case.Version, Plan));
        @case = await host.Step(@case, "evaluation", new EvaluateCourse(@case.Version, EvaluationOutcome.ConcernReduced, EvaluationNotes));
        return new KnownCase(@case, All);
    }
}
