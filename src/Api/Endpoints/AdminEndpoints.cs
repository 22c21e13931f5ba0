using ItqanRecording.Api.Auth;
using ItqanRecording.Application.Recordings.ApplyRetention;
using Mediator;

namespace ItqanRecording.Api.Endpoints;

public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin")
            .RequireAuthorization(AuthorizationPolicies.AcademyAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/retention/report", Report).WithName("GetRetentionReport");
        group.MapPost("/retention/run", Run).WithName("ApplyRetention");
        return app;
    }

    /// <summary>A dry run: the completed and failed recordings of the academy that retention would delete now.</summary>
    private static async Task<Ok<RetentionReport>> Report(HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ApplyRetentionCommand(http.User.ToActor().AcademyId, DryRun: true), cancellationToken));

    /// <summary>Deletes the academy's recordings past retention, with their files, and lists them.</summary>
    private static async Task<Ok<RetentionReport>> Run(HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ApplyRetentionCommand(http.User.ToActor().AcademyId, DryRun: false), cancellationToken));
}
