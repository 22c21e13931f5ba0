using ItqanRecording.Api.Auth;
using ItqanRecording.Application.Academies.AcademyTimeZone;
using ItqanRecording.Application.Academies.PlaybackSettings;
using ItqanRecording.Application.Academies.PublishingSettings;
using ItqanRecording.Application.Academies.TrashSettings;
using ItqanRecording.Application.Recordings.EmptyTrash;
using ItqanRecording.Application.EgressEvents.ReconcileRecordings;
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
        group.MapPost("/reconcile", Reconcile).WithName("ReconcileRecordings");
        group.MapGet("/playback", GetPlayback).WithName("GetPlaybackSettings");
        group.MapPut("/playback", SetPlayback).WithName("SetPlaybackSettings").ProducesValidationProblem();
        group.MapGet("/trash", GetTrash).WithName("GetTrashSettings");
        group.MapPut("/trash", SetTrash).WithName("SetTrashSettings").ProducesValidationProblem();
        group.MapPost("/trash/empty", EmptyTrash).WithName("EmptyTrash");
        group.MapGet("/publishing", GetPublishing).WithName("GetPublishingSettings");
        group.MapPut("/publishing", SetPublishing).WithName("SetPublishingSettings").ProducesValidationProblem();
        group.MapGet("/time-zone", GetTimeZone).WithName("GetAcademyTimeZone");
        group.MapPut("/time-zone", SetTimeZone).WithName("SetAcademyTimeZone").ProducesValidationProblem();
        return app;
    }

    /// <summary>A dry run: the completed and failed recordings of the academy that retention would delete now.</summary>
    private static async Task<Ok<RetentionReport>> Report(HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ApplyRetentionCommand(http.User.ToActor().AcademyId, DryRun: true), cancellationToken));

    /// <summary>Deletes the academy's recordings past retention, with their files, and lists them.</summary>
    private static async Task<Ok<RetentionReport>> Run(HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ApplyRetentionCommand(http.User.ToActor().AcademyId, DryRun: false), cancellationToken));

    /// <summary>
    /// Asks LiveKit now about every recording of the admin's academy that is still recording or processing, and
    /// applies what it says (the job does this on its own for recordings stuck a while). Answers what changed.
    /// </summary>
    /// <summary>How the admin's academy prepares its recordings for playback.</summary>
    private static async Task<Ok<PlaybackSettingsResponse>> GetPlayback(HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPlaybackSettingsQuery(http.User.ToActor().AcademyId), cancellationToken));

    /// <summary>
    /// Turns the low-bandwidth rendition on or off for the videos packaged from now on (their HLS packaging
    /// then has a 360p variant beside the original, and the player picks by connection).
    /// </summary>
    private static async Task<Ok<PlaybackSettingsResponse>> SetPlayback(
        PlaybackSettingsChange change, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new SetPlaybackSettingsCommand(http.User.ToActor().AcademyId, change.LowBandwidthRendition), cancellationToken));

    /// <summary>How many days a deleted recording of the academy waits in the trash (30 until set).</summary>
    private static async Task<Ok<TrashSettingsResponse>> GetTrash(HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetTrashSettingsQuery(http.User.ToActor().AcademyId), cancellationToken));

    /// <summary>Sets the days a deleted recording waits in the trash (1–365), for the recordings in it now too.</summary>
    private static async Task<Ok<TrashSettingsResponse>> SetTrash(
        TrashSettingsChange change, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SetTrashSettingsCommand(http.User.ToActor().AcademyId, change.Days), cancellationToken));

    /// <summary>Removes the files of every deleted recording of the academy in the trash now; none of them can be restored after.</summary>
    private static async Task<Ok<TrashEmptied>> EmptyTrash(HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        return TypedResults.Ok(await sender.Send(new EmptyTrashCommand(actor.AcademyId, OnlyExpired: false, actor.UserId), cancellationToken));
    }

    /// <summary>Whether the academy's recordings wait for the teacher's review before students see them, and for which kinds.</summary>
    private static async Task<Ok<PublishingSettingsResponse>> GetPublishing(HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPublishingSettingsQuery(http.User.ToActor().AcademyId), cancellationToken));

    /// <summary>
    /// Recordings started from now on wait for review (or are published when completed): the academy's choice and, in
    /// byKind, each kind's (null: as the academy). Recordings started before keep their publication.
    /// </summary>
    private static async Task<Ok<PublishingSettingsResponse>> SetPublishing(
        PublishingSettingsChange change, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SetPublishingSettingsCommand(http.User.ToActor().AcademyId, change), cancellationToken));

    /// <summary>The IANA time zone the admin's academy keeps its timetable in (<c>UTC</c> until set).</summary>
    private static async Task<Ok<AcademyTimeZoneResponse>> GetTimeZone(HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetAcademyTimeZoneQuery(http.User.ToActor().AcademyId), cancellationToken));

    /// <summary>
    /// Sets the academy's time zone (an IANA name such as <c>Asia/Riyadh</c>; anything else is 400): recordings started
    /// from now on are named by their start in it.
    /// </summary>
    private static async Task<Ok<AcademyTimeZoneResponse>> SetTimeZone(
        AcademyTimeZoneChange change, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SetAcademyTimeZoneCommand(http.User.ToActor().AcademyId, change.TimeZone), cancellationToken));

    private static async Task<Ok<ReconciliationReport>> Reconcile(HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReconcileRecordingsCommand(http.User.ToActor().AcademyId, StuckFor: TimeSpan.Zero), cancellationToken));
}
