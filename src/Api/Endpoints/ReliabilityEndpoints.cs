using ItqanRecording.Api.Auth;
using ItqanRecording.Application.EgressEvents.ReconcileRecordings;
using Mediator;

namespace ItqanRecording.Api.Endpoints;

public static class ReliabilityEndpoints
{
    public static IEndpointRouteBuilder MapReliabilityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/reconcile", Reconcile).WithName("ReconcileRecordings").WithTags("Admin")
            .RequireAuthorization(AuthorizationPolicies.AcademyAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>
    /// Asks LiveKit now about every recording of the admin's academy that is still recording or processing, and
    /// applies what it says (the job does this on its own for recordings stuck a while). Answers what changed.
    /// </summary>
    private static async Task<Ok<ReconciliationReport>> Reconcile(HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReconcileRecordingsCommand(http.User.ToActor().AcademyId, StuckFor: TimeSpan.Zero), cancellationToken));
}
