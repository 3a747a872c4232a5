using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Infohus.Api.Contract;

public sealed class RateLimitSettings
{
    public const string Section = "Infohus:RateLimits";

    /// <summary>Requests per minute for one caller (the token's subject), generous for members' work: a burst of this many, refilled each minute.</summary>
    public int RequestsPerMinute { get; set; } = 1200;

    /// <summary>Failed sign-ins (answers 401) from one client address within <see cref="FailedSignInWindow"/> before its requests are refused.</summary>
    public int FailedSignIns { get; set; } = 10;

    public TimeSpan FailedSignInWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Rate limits with ASP.NET Core's rate limiter: per caller (the token's subject, else the client
/// address), generous for members' work; and strict for failed sign-ins: each 401 takes a permit of its
/// client address, and an address without permits left gets 429 until its window ends, whatever token
/// it sends. A request without a client address (in-process hosting, the specs' test server) is not
/// counted for failed sign-ins. A refusal is a 429 <c>rate-limited</c> problem with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddInfohusRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitSettings>(configuration.GetSection(RateLimitSettings.Section));
        services.AddSingleton<FailedSignIns>();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
                var caller = context.User.FindFirst(Security.InfohusClaims.Subject)?.Value is { } subject
                    ? "sub:" + subject
                    : "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.RequestsPerMinute,
                    TokensPerPeriod = settings.RequestsPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true
                });
            });
            options.OnRejected = (rejected, cancellation) =>
                Refuse(rejected.HttpContext, rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1));
        });
        return services;
    }

    /// <summary>After authentication, so a caller is known by its token.</summary>
    public static WebApplication UseInfohusRateLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var signIns = context.RequestServices.GetRequiredService<FailedSignIns>();
            var address = context.Connection.RemoteIpAddress?.ToString();
            if (address is not null && signIns.Exhausted(address))
            {
                await Refuse(context, signIns.Window);
                return;
            }
            await next(context);
            if (address is not null && context.Response.StatusCode == StatusCodes.Status401Unauthorized) signIns.Count(address);
        });
        app.UseRateLimiter();
        return app;
    }

    private static async ValueTask Refuse(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var kind = ProblemTypes.RateLimited;
        await Results.Problem(statusCode: kind.Status, title: kind.Title, type: kind.Type,
            detail: $"Too many requests, or too many failed sign-ins from this address; retry after {context.Response.Headers.RetryAfter} seconds.").ExecuteAsync(context);
    }

    /// <summary>One fixed window of failed sign-ins per client address.</summary>
    public sealed class FailedSignIns(IOptions<RateLimitSettings> settings) : IDisposable
    {
        private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.Value.FailedSignIns,
                Window = settings.Value.FailedSignInWindow,
                QueueLimit = 0,
                AutoReplenishment = true
            }));

        public TimeSpan Window => settings.Value.FailedSignInWindow;

        public bool Exhausted(string address) => _limiter.GetStatistics(address)?.CurrentAvailablePermits <= 0;

        public void Count(string address) => _limiter.AttemptAcquire(address).Dispose();

        public void Dispose() => _limiter.Dispose();
    }
}
