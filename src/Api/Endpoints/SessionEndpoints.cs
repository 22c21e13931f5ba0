using ItqanRecording.Api.Auth;
using ItqanRecording.Api.Http;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Application.Recordings.GetSessionRecordings;
using ItqanRecording.Application.Recordings.GetSessionRecordingStatistics;
using ItqanRecording.Application.Recordings.StartRecording;
using ItqanRecording.Application.Recordings.StopRecording;
using ItqanRecording.Application.Sessions;
using ItqanRecording.Application.Sessions.GetSession;
using ItqanRecording.Application.Sessions.ListMySessions;
using Mediator;

namespace ItqanRecording.Api.Endpoints;

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions").WithTags("Sessions").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", ListMine).WithName("ListMySessions");
        group.MapGet("/{sessionId:guid}", GetOne).WithName("GetSession")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{sessionId:guid}/recordings", Start).WithName("StartRecording")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        group.MapPost("/{sessionId:guid}/recordings/stop", Stop).WithName("StopRecording")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        group.MapGet("/{sessionId:guid}/recordings", ListRecordings).WithName("GetSessionRecordings")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{sessionId:guid}/recordings/stats", Statistics).WithName("GetSessionRecordingStatistics")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Sessions the user teaches, attends or administers, with their recording state.</summary>
    private static async Task<Ok<IReadOnlyList<SessionSummaryResponse>>> ListMine(
        HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListMySessionsQuery(http.User.ToActor()), cancellationToken));

    /// <summary>One session: can it be recorded, is it being recorded, what may the user do.</summary>
    private static async Task<Results<Ok<SessionDetailResponse>, ProblemHttpResult>> GetOne(
        Guid sessionId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetSessionQuery(sessionId, http.User.ToActor()), cancellationToken)).ToOk();

    /// <summary>Starts recording the session through LiveKit Egress.</summary>
    private static async Task<Results<Created<RecordingResponse>, ProblemHttpResult>> Start(
        Guid sessionId, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new StartRecordingCommand(sessionId, http.User.ToActor()), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/recordings/{result.Value.Id}", result.Value)
            : result.Error.ToProblem();
    }

    /// <summary>Stops the session's active recording; it becomes "processing" until LiveKit reports the file.</summary>
    private static async Task<Results<Ok<RecordingResponse>, ProblemHttpResult>> Stop(
        Guid sessionId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new StopRecordingCommand(sessionId, http.User.ToActor()), cancellationToken)).ToOk();

    /// <summary>The session's recordings, newest first.</summary>
    private static async Task<Results<Ok<IReadOnlyList<RecordingResponse>>, ProblemHttpResult>> ListRecordings(
        Guid sessionId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetSessionRecordingsQuery(sessionId, http.User.ToActor()), cancellationToken)).ToOk();

    /// <summary>Counts, bytes and seconds of the session's recordings.</summary>
    private static async Task<Results<Ok<RecordingStatistics>, ProblemHttpResult>> Statistics(
        Guid sessionId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetSessionRecordingStatisticsQuery(sessionId, http.User.ToActor()), cancellationToken)).ToOk();
}
