using ItqanRecording.Api.Auth;
using ItqanRecording.Api.Http;
using ItqanRecording.Application.Learning.GetSessionAttendance;
using ItqanRecording.Application.Learning.GetWatchProgress;
using ItqanRecording.Application.Learning.RecordWatchProgress;
using Mediator;

namespace ItqanRecording.Api.Endpoints;

/// <summary>A heartbeat: the player played the recording from <c>fromSeconds</c> to <c>toSeconds</c> since the last one.</summary>
public sealed record WatchedSpanRequest(double FromSeconds, double ToSeconds);

/// <summary>What students watch, and whether they were in class: the player's heartbeats and the teacher's view.</summary>
public static class LearningEndpoints
{
    public static IEndpointRouteBuilder MapLearningEndpoints(this IEndpointRouteBuilder app)
    {
        var recordings = app.MapGroup("/api/recordings/{recordingId:guid}/progress").WithTags("Learning").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        recordings.MapPost("", Heartbeat).WithName("RecordWatchProgress").ProducesValidationProblem();
        recordings.MapGet("", Progress).WithName("GetWatchProgress");
        app.MapGet("/api/sessions/{sessionId:guid}/attendance", Attendance).WithName("GetSessionAttendance").WithTags("Learning")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>
    /// The player's heartbeat, every few seconds while it plays: the stretch played since the last one (at most 60 s,
    /// within the recording), merged into what the user has watched; their position moves to its end. 204.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Heartbeat(
        Guid recordingId, WatchedSpanRequest span, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new RecordWatchProgressCommand(recordingId, http.User.ToActor(), span.FromSeconds, span.ToSeconds), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <summary>Where the user stopped (to resume), and how much of the recording they have seen.</summary>
    private static async Task<Results<Ok<WatchProgressResponse>, ProblemHttpResult>> Progress(
        Guid recordingId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetWatchProgressQuery(recordingId, http.User.ToActor()), cancellationToken)).ToOk();

    /// <summary>
    /// For the session's teacher and the admins: each student's minutes in the live class, share of its recordings
    /// watched, and whether they need to catch up; the others who were in the room apart.
    /// </summary>
    private static async Task<Results<Ok<SessionAttendanceResponse>, ProblemHttpResult>> Attendance(
        Guid sessionId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetSessionAttendanceQuery(sessionId, http.User.ToActor()), cancellationToken)).ToOk();
}
