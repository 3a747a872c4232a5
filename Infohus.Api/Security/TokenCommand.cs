using Infohus.EventStore.Members;
using JasperFx.CommandLine;

namespace Infohus.Api.Security;

public class TokenInput : NetCoreInput
{
    [Description("member, coordinator, steering, auditor or legal")]
    public string RoleFlag { get; set; } = "member";

    [Description("bfu, saeh, au or police")]
    public string? DepartmentFlag { get; set; }

    [Description("The person's display name")]
    public string NameFlag { get; set; } = "Development User";

    [Description("The user id (sub); defaults to one derived from the name")]
    public string? SubjectFlag { get; set; }

    [Description("How many hours the token is valid")]
    public int HoursFlag { get; set; } = 8;
}

/// <summary><c>dotnet run --project Infohus.Api -- token --role member --department police --name "Test Person"</c></summary>
[Description("Prints a signed development token on the last line", Name = "token")]
public class TokenCommand : JasperFxCommand<TokenInput>
{
    public override bool Execute(TokenInput input)
    {
        using var host = input.BuildHost();
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment())
        {
            Console.Error.WriteLine("Development tokens are issued only in the Development environment.");
            return false;
        }

        if (!Enum.TryParse<Role>(input.RoleFlag, ignoreCase: true, out var role))
        {
            Console.Error.WriteLine("Unknown role. Use member, coordinator, steering, auditor or legal.");
            return false;
        }

        Department? department = null;
        if (input.DepartmentFlag is not null)
        {
            if (!Enum.TryParse<Department>(input.DepartmentFlag, ignoreCase: true, out var parsed))
            {
                Console.Error.WriteLine("Unknown department. Use bfu, saeh, au or police.");
                return false;
            }
            department = parsed;
        }

        var subject = input.SubjectFlag ?? $"dev-{input.NameFlag.ToLowerInvariant().Replace(' ', '-')}";
        var token = host.Services.GetRequiredService<TokenSigning>()
            .Issue(subject, input.NameFlag, role, department, TimeSpan.FromHours(input.HoursFlag));
        Console.WriteLine(token);
        return true;
    }
}
