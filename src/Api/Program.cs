using System.Text.Json.Serialization;
using ItqanRecording.Api.Auth;
using ItqanRecording.Api.CommandLine;
using ItqanRecording.Api.Endpoints;
using ItqanRecording.Api.Http;
using ItqanRecording.Application;
using ItqanRecording.Application.Common;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddCookieOrBearerAuthentication();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemCodes.AddStableCode);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(WireNames.Policy));
    options.SerializerOptions.Converters.Add(new SessionKindJsonConverter());
});
builder.Services.AddRecordingSwagger();
builder.Services.AddSignInProtection(builder.Configuration);
builder.WebHost.HideServerHeader();

var app = builder.Build();
if (MigrateStorageCommandLine.Wants(args))
{
    return await MigrateStorageCommandLine.RunAsync(app.Services, args, Console.Out);
}

app.UseForwardedHeaders();
app.UseSecurityHeaders(app.Services.GetRequiredService<IRecordingStorage>().MediaOrigin);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebAppFiles();
app.UseAuthenticationOfSignIns();
app.UseCrossSiteRequestCheck();
app.UseAuthorization();
app.UseRateLimiter();

app.UseRecordingSwagger();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ItqanRecording.Infrastructure.DependencyInjection.ReadyTag) });
app.MapAuthEndpoints();
app.MapSessionEndpoints();
app.MapRecordingEndpoints();
app.MapLearningEndpoints();
app.MapNotificationEndpoints();
app.MapAnalyticsEndpoints();
app.MapRecordingFileEndpoints();
app.MapAdminEndpoints();
app.MapLiveKitWebhookEndpoints();
app.MapWebApp();

await app.RunAsync();
return 0;

/// <summary>The API's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
