using Itqan.Recording.Api.Auth;
using Itqan.Recording.Api.Http;
using Itqan.Recording.Application.Recordings;
using Itqan.Recording.Application.Recordings.GetRecording;
using Mediator;

namespace Itqan.Recording.Api.Endpoints;

public static class RecordingEndpoints
{
    public static IEndpointRouteBuilder MapRecordingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/recordings").WithTags("Recordings").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{recordingId:guid}", GetOne).WithName("GetRecording")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>One recording.</summary>
    private static async Task<Results<Ok<RecordingResponse>, ProblemHttpResult>> GetOne(
        Guid recordingId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetRecording(recordingId, http.User.ToActor()), cancellationToken)).ToOk();
}
