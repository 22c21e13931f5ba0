using ItqanRecording.Api.Auth;
using ItqanRecording.Api.Http;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Application.Recordings.DeleteRecording;
using ItqanRecording.Application.Recordings.GetRecording;
using ItqanRecording.Application.Recordings.GetRecordingAudit;
using ItqanRecording.Application.Recordings.GetRecordingCatalogueStatistics;
using ItqanRecording.Application.Recordings.ListRecordings;
using ItqanRecording.Application.Recordings.PublishRecording;
using ItqanRecording.Application.Recordings.RenameRecording;
using ItqanRecording.Application.Recordings.RestoreRecording;
using ItqanRecording.Domain.Recordings;
using Mediator;

namespace ItqanRecording.Api.Endpoints;

/// <summary>Whether the recording's students see it: <c>published</c> or <c>hidden</c>.</summary>
public sealed record RecordingPublicationRequest(RecordingPublication Publication);

/// <summary>A recording's new name.</summary>
public sealed record RecordingRenameRequest(string DisplayName);

public static class RecordingEndpoints
{
    public static IEndpointRouteBuilder MapRecordingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/recordings").WithTags("Recordings").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", List).WithName("ListRecordings")
            .RequireAuthorization(AuthorizationPolicies.AcademyAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/stats", Statistics).WithName("GetRecordingCatalogueStatistics")
            .RequireAuthorization(AuthorizationPolicies.AcademyAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{recordingId:guid}", GetOne).WithName("GetRecording")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{recordingId:guid}", Rename).WithName("RenameRecording")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{recordingId:guid}/publication", Publish).WithName("PublishRecording")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{recordingId:guid}", Delete).WithName("DeleteRecording")
            .RequireAuthorization(AuthorizationPolicies.AcademyAdmin)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{recordingId:guid}/restore", Restore).WithName("RestoreRecording")
            .RequireAuthorization(AuthorizationPolicies.AcademyAdmin)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{recordingId:guid}/audit", Audit).WithName("GetRecordingAudit")
            .RequireAuthorization(AuthorizationPolicies.AcademyAdmin)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>
    /// The academy's catalogue for its admins, newest first, deleted recordings included. Filters combine: status,
    /// kind, parentId (course, circle or lesson), teacherId, from (inclusive) and to (exclusive) on the start,
    /// q (text in the display name, any case). Pages of limit (1–100, default 50); pass nextCursor as cursor.
    /// </summary>
    private static async Task<Ok<RecordingPage>> List(
        [AsParameters] RecordingCatalogueFilter filter,
        int? limit,
        string? cursor,
        HttpContext http,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListRecordingsQuery(filter, limit, cursor, http.User.ToActor()), cancellationToken));

    /// <summary>Counts by status and kind, bytes and seconds of the catalogue under the same filters as the list.</summary>
    private static async Task<Ok<RecordingCatalogueStatistics>> Statistics(
        [AsParameters] RecordingCatalogueFilter filter, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetRecordingCatalogueStatisticsQuery(filter, http.User.ToActor()), cancellationToken));

    /// <summary>One recording.</summary>
    private static async Task<Results<Ok<RecordingResponse>, ProblemHttpResult>> GetOne(
        Guid recordingId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetRecordingQuery(recordingId, http.User.ToActor()), cancellationToken)).ToOk();

    /// <summary>
    /// Renames the recording (its session's teacher and the admins; 1–200 characters). 403 for anyone else, 409
    /// <c>recording.deleted</c> for a deleted one.
    /// </summary>
    private static async Task<Results<Ok<RecordingResponse>, ProblemHttpResult>> Rename(
        Guid recordingId, RecordingRenameRequest rename, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RenameRecordingCommand(recordingId, http.User.ToActor(), rename.DisplayName), cancellationToken)).ToOk();

    /// <summary>
    /// Publishes the recording to its students (<c>published</c>) or hides it from them (<c>hidden</c>): its session's
    /// teacher and the admins. Until then a recording its academy reviews first waits (<c>awaitingreview</c>).
    /// </summary>
    private static async Task<Results<Ok<RecordingResponse>, ProblemHttpResult>> Publish(
        Guid recordingId, RecordingPublicationRequest publication, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new PublishRecordingCommand(recordingId, http.User.ToActor(), publication.Publication), cancellationToken)).ToOk();

    /// <summary>
    /// Marks the recording deleted (admins still see it; nobody else does): it waits in the trash, restorable, for the
    /// academy's days, then its file goes; removeFile=true removes it at once (default false). 409 while it is still
    /// recording, and when it is already deleted.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid recordingId, bool? removeFile, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DeleteRecordingCommand(recordingId, removeFile ?? false, http.User.ToActor()), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <summary>
    /// Takes a deleted recording out of the trash: it is completed (or failed) again, for everyone who saw it. 409 when
    /// it is not deleted, its files were removed, or it was deleted before it was complete.
    /// </summary>
    private static async Task<Results<Ok<RecordingResponse>, ProblemHttpResult>> Restore(
        Guid recordingId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RestoreRecordingCommand(recordingId, http.User.ToActor()), cancellationToken)).ToOk();

    /// <summary>Who did what to the recording, newest first.</summary>
    private static async Task<Results<Ok<IReadOnlyList<RecordingAuditEntryResponse>>, ProblemHttpResult>> Audit(
        Guid recordingId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetRecordingAuditQuery(recordingId, http.User.ToActor()), cancellationToken)).ToOk();
}
