using ItqanRecording.Api.Auth;
using ItqanRecording.Api.Http;
using ItqanRecording.Application.Analytics.ExportAnalytics;
using ItqanRecording.Application.Analytics.GetAnalytics;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItqanRecording.Api.Endpoints;

/// <summary>The analytics dashboard (admins: the academy; teachers: their own classes) and its CSV export.</summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        analytics.MapGet("", Dashboard).WithName("GetAnalytics");
        analytics.MapGet("/export", Export).WithName("ExportAnalytics").Produces<string>(StatusCodes.Status200OK, "text/csv");
        return app;
    }

    /// <summary>
    /// Recording hours, views, unique viewers, watch time, coverage and catch-up for the academy's days from–to (both
    /// included, yyyy-MM-dd; the last 12 weeks by default) by bucket (week, the default, or month), per
    /// course/circle/lesson and teacher, with the bytes stored. teacherId narrows an admin's report to one teacher.
    /// </summary>
    private static async Task<Results<Ok<AnalyticsDashboard>, ProblemHttpResult>> Dashboard(
        DateOnly? from, DateOnly? to, string? bucket, Guid? teacherId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetAnalyticsQuery(from, to, bucket, teacherId, http.User.ToActor()), cancellationToken)).ToOk();

    /// <summary>One table of the same report (table: periods, parents or teachers) as a CSV download.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        DateOnly? from, DateOnly? to, string? bucket, Guid? teacherId, string? table,
        HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var report = new GetAnalyticsQuery(from, to, bucket, teacherId, http.User.ToActor());
        var result = await sender.Send(new ExportAnalyticsQuery(report, table), cancellationToken);
        return result.IsSuccess
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(result.Value.Text), AnalyticsCsv.ContentType, result.Value.FileName)
            : result.Error.ToProblem();
    }
}
