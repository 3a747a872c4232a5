using Infohus.Api.Hosting;
using Infohus.Api.Notices;
using Infohus.Api.Security;
using Infohus.Api.Telemetry;
using Infohus.Api.Web;
using JasperFx;
using Wolverine;

[assembly: JasperFxAssembly]

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddInfohusLogging(builder.Configuration)
    .AddInfohusEventStore(builder.Configuration, builder.Environment)
    .AddInfohusPersonalData(builder.Configuration, builder.Environment)
    .AddInfohusSecurity(builder.Configuration, builder.Environment)
    .AddInfohusHttp(builder.Configuration)
    .AddInfohusNotices(builder.Configuration)
    .AddInfohusWeb(builder.Configuration, builder.Environment)
    .AddInfohusTelemetry(builder.Configuration);
builder.Host.UseWolverine(opts => opts.UseInfohusWolverine());

var app = builder.Build();
app.UseInfohusWebFiles();
app.UseInfohusPipeline();
app.MapInfohusWeb();

return await app.RunJasperFxCommands(args);

/// <summary>The API host; public so the specs can start it.</summary>
public partial class Program;
