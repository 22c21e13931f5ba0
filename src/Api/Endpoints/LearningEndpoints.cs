using ItqanRecording.Api.Auth;
using ItqanRecording.Api.Http;
using ItqanRecording.Application.Learning.GetSessionAttendance;
using ItqanRecording.Application.Learning.GetWatchProgress;
using ItqanRecording.Application.Learning.ListMyRecordings;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Application.Learning.MarkMoment;
using ItqanRecording.Application.Learning.RecordingMarks;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Application.Learning.RecordWatchProgress;
using ItqanRecording.Application.Learning.Transcripts;
using Mediator;

namespace ItqanRecording.Api.Endpoints;

/// <summary>A heartbeat: the player played the recording from <c>fromSeconds</c> to <c>toSeconds</c> since the last one.</summary>
public sealed record WatchedSpanRequest(double FromSeconds, double ToSeconds);

/// <summary>"Mark this moment" during the class; the label is optional (the moment's time stands in).</summary>
public sealed record MarkMomentRequest(string? Label);

/// <summary>A chapter (teachers) or a bookmark of one's own, at <c>atSeconds</c> into the recording.</summary>
public sealed record AddMarkRequest(RecordingMarkKind Kind, double AtSeconds, string? Label);

public sealed record ChangeMarkRequest(double AtSeconds, string? Label);

/// <summary>A transcript's WebVTT text.</summary>
public sealed record TranscriptUpload(string WebVtt);

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
        // A heartbeat may come with the recording's progress link instead of the sign-in (RecordWatchProgressCommand).
        recordings.MapPost("", Heartbeat).WithName("RecordWatchProgress").AllowAnonymous().ProducesValidationProblem();
        recordings.MapGet("", Progress).WithName("GetWatchProgress");
        var marks = app.MapGroup("/api/recordings/{recordingId:guid}").WithTags("Learning").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        marks.MapGet("/marks", ListMarks).WithName("ListRecordingMarks");
        marks.MapPost("/marks", AddMark).WithName("AddRecordingMark").ProducesValidationProblem();
        marks.MapPut("/marks/{markId:guid}", ChangeMark).WithName("ChangeRecordingMark").ProducesValidationProblem();
        marks.MapDelete("/marks/{markId:guid}", DeleteMark).WithName("DeleteRecordingMark");
        marks.MapGet("/chapters", Chapters).WithName("GetRecordingChaptersTrack")
            .Produces<string>(StatusCodes.Status200OK, GetChaptersTrackHandler.ContentType);
        marks.MapGet("/transcripts", ListTranscripts).WithName("ListTranscripts");
        marks.MapGet("/transcripts/{language}", Transcript).WithName("GetTranscript").ProducesValidationProblem()
            .Produces<string>(StatusCodes.Status200OK, GetTranscriptQuery.ContentType);
        marks.MapPut("/transcripts/{language}", PutTranscript).WithName("PutTranscript").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        marks.MapDelete("/transcripts/{language}", DeleteTranscript).WithName("DeleteTranscript").ProducesValidationProblem();
        marks.MapPost("/transcripts/{language}/automatic", TranscribeAutomatically).WithName("TranscribeAutomatically")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        marks.MapGet("/transcripts/automatic", ListAutomaticTranscripts).WithName("ListAutomaticTranscripts");
        app.MapPost("/api/sessions/{sessionId:guid}/recordings/marks", MarkMoment).WithName("MarkMoment").WithTags("Learning")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/sessions/{sessionId:guid}/attendance", Attendance).WithName("GetSessionAttendance").WithTags("Learning")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/me/recordings", MyRecordings).WithName("ListMyRecordings").WithTags("Learning")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>
    /// My recordings: every completed recording the user may watch, newest first, with how much of each they have
    /// seen. q (text in the name, any case), kind, parentId (course, circle or lesson) and watched (true/false)
    /// combine; pages of limit (1–100, default 24), nextCursor as cursor.
    /// </summary>
    private static async Task<Ok<MyRecordingsPage>> MyRecordings(
        string? q,
        string? kind,
        Guid? parentId,
        bool? watched,
        int? limit,
        string? cursor,
        HttpContext http,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new ListMyRecordingsQuery(new RecordingCatalogueFilter(Kind: kind, ParentId: parentId, Q: q), watched, limit, cursor, http.User.ToActor()),
            cancellationToken));

    /// <summary>
    /// The player's heartbeat, every few seconds while it plays: the stretch played since the last one (at most 60 s,
    /// within the recording), merged into what the user has watched; their position moves to its end. 204. Signed in,
    /// or anonymous with the recording's <c>progressUrl</c> (the player sends it without its cookie, so the sign-in
    /// is not read for every heartbeat): 401 without either or with an expired link, 403 with a link that is not this
    /// recording's progress link.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Heartbeat(
        Guid recordingId,
        [AsParameters] SignedLinkQuery link,
        WatchedSpanRequest span,
        HttpContext http,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new RecordWatchProgressCommand(recordingId, http.User.ToActorIfSignedIn(), link.ToParameters(), span.FromSeconds, span.ToSeconds),
            cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <summary>Where the user stopped (to resume), and how much of the recording they have seen.</summary>
    private static async Task<Results<Ok<WatchProgressResponse>, ProblemHttpResult>> Progress(
        Guid recordingId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetWatchProgressQuery(recordingId, http.User.ToActor()), cancellationToken)).ToOk();

    /// <summary>
    /// "Mark this moment": a chapter of the session's recording at this moment of the live class (the session's
    /// teacher and the admins). 201 with the mark; 409 <c>recording.not_active</c> when nothing records.
    /// </summary>
    private static async Task<Results<Created<RecordingMarkResponse>, ProblemHttpResult>> MarkMoment(
        Guid sessionId, MarkMomentRequest mark, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new MarkMomentCommand(sessionId, http.User.ToActor(), mark.Label), cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"/api/recordings/{result.Value.RecordingId}/marks", result.Value) : result.Error.ToProblem();
    }

    /// <summary>The recording's chapters and the user's own bookmarks, by their moment.</summary>
    private static async Task<Results<Ok<IReadOnlyList<RecordingMarkResponse>>, ProblemHttpResult>> ListMarks(
        Guid recordingId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListRecordingMarksQuery(recordingId, http.User.ToActor()), cancellationToken)).ToOk();

    /// <summary>
    /// A chapter (the session's teacher and the admins; 403 <c>learning.chapters_forbidden</c> for others) or a bookmark
    /// of one's own (anyone who may watch), within the recording (400 <c>learning.mark_past_the_end</c>). 201.
    /// </summary>
    private static async Task<Results<Created<RecordingMarkResponse>, ProblemHttpResult>> AddMark(
        Guid recordingId, AddMarkRequest mark, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new AddRecordingMarkCommand(recordingId, http.User.ToActor(), mark.Kind, mark.AtSeconds, mark.Label), cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"/api/recordings/{recordingId}/marks", result.Value) : result.Error.ToProblem();
    }

    /// <summary>Moves or renames a chapter (its teacher, the admins) or one's own bookmark; another's bookmark is 404.</summary>
    private static async Task<Results<Ok<RecordingMarkResponse>, ProblemHttpResult>> ChangeMark(
        Guid recordingId, Guid markId, ChangeMarkRequest mark, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ChangeRecordingMarkCommand(recordingId, markId, http.User.ToActor(), mark.AtSeconds, mark.Label), cancellationToken)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMark(
        Guid recordingId, Guid markId, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DeleteRecordingMarkCommand(recordingId, markId, http.User.ToActor()), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <summary>The chapters as a WebVTT chapters track (each from its moment to the next), for the player.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Chapters(
        Guid recordingId, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetChaptersTrackQuery(recordingId, http.User.ToActor()), cancellationToken);
        return result.IsSuccess ? TypedResults.Text(result.Value, GetChaptersTrackHandler.ContentType) : result.Error.ToProblem();
    }

    /// <summary>The recording's transcripts (language, last change), for whoever may watch it.</summary>
    private static async Task<Results<Ok<IReadOnlyList<TranscriptResponse>>, ProblemHttpResult>> ListTranscripts(
        Guid recordingId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListTranscriptsQuery(recordingId, http.User.ToActor()), cancellationToken)).ToOk();

    /// <summary>A transcript as WebVTT (<c>ar</c> or <c>en</c>), for the player's captions track.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Transcript(
        Guid recordingId, string language, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetTranscriptQuery(recordingId, language, http.User.ToActor()), cancellationToken);
        return result.IsSuccess ? TypedResults.Text(result.Value, GetTranscriptQuery.ContentType) : result.Error.ToProblem();
    }

    /// <summary>
    /// The session's teacher (or an admin) uploads or replaces the transcript in a language: <c>{"webVtt":"WEBVTT…"}</c>.
    /// 409 <c>transcript.not_webvtt</c> for any other text; searched by My recordings and the catalogue from then on.
    /// </summary>
    private static async Task<Results<Ok<TranscriptResponse>, ProblemHttpResult>> PutTranscript(
        Guid recordingId, string language, TranscriptUpload upload, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new PutTranscriptCommand(recordingId, language, http.User.ToActor(), upload.WebVtt), cancellationToken)).ToOk();

    /// <summary>
    /// The session's teacher (or an admin) asks the configured automatic transcriber for the transcript in a language:
    /// 202 with its job's state; the transcript (marked automatic) replaces the one in that language when the job is
    /// done. 409 <c>learning.no_transcriber</c> where none is configured, <c>recording.not_completed</c> before the file.
    /// </summary>
    private static async Task<Results<Accepted<AutomaticTranscriptResponse>, ProblemHttpResult>> TranscribeAutomatically(
        Guid recordingId, string language, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new TranscribeAutomaticallyCommand(recordingId, language, http.User.ToActor()), cancellationToken);
        return result.IsSuccess ? TypedResults.Accepted((string?)null, result.Value) : result.Error.ToProblem();
    }

    /// <summary>
    /// For the session's teacher and the admins: whether an automatic transcriber is configured, and each automatic
    /// transcript asked for (its language, its job's state, why its last attempt failed), for the tools to show and poll.
    /// </summary>
    private static async Task<Results<Ok<AutomaticTranscriptsResponse>, ProblemHttpResult>> ListAutomaticTranscripts(
        Guid recordingId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListAutomaticTranscriptsQuery(recordingId, http.User.ToActor()), cancellationToken)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTranscript(
        Guid recordingId, string language, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DeleteTranscriptCommand(recordingId, language, http.User.ToActor()), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <summary>
    /// For the session's teacher and the admins: each student's minutes in the live class, share of its recordings
    /// watched, and whether they need to catch up; the others who were in the room apart.
    /// </summary>
    private static async Task<Results<Ok<SessionAttendanceResponse>, ProblemHttpResult>> Attendance(
        Guid sessionId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetSessionAttendanceQuery(sessionId, http.User.ToActor()), cancellationToken)).ToOk();
}
