using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Infohus.Api.Contract;

/// <summary>
/// What every answer says about itself: never cached (<c>Cache-Control: no-store</c>: answers hold personal
/// or case data, pages included), never content-sniffed (<c>X-Content-Type-Options: nosniff</c>), no
/// <c>Server</c> banner; and the API's JSON and CSV compressed. Pages are not compressed: a page that
/// echoes input beside a secret (an antiforgery token) would open BREACH.
/// </summary>
public static class ResponseHeaders
{
    public static IServiceCollection AddInfohusResponseHeaders(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["application/json", OpenApiContract.ProblemJson, "text/csv"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UseInfohusResponseHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.CacheControl = "no-store";
                headers.XContentTypeOptions = "nosniff";
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"),
            api => api.UseResponseCompression());
        return app;
    }
}
