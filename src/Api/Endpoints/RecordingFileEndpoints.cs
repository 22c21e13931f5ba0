using System.Globalization;
using ItqanRecording.Api.Auth;
using ItqanRecording.Api.Http;
using ItqanRecording.Application.Common;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Application.Recordings.GetRecordingFile;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ItqanRecording.Api.Endpoints;

/// <summary>The query of a signed link: <c>?expires={unix seconds}&amp;u={user id}&amp;sig={signature}</c>.</summary>
public sealed record SignedLinkQuery(
    [FromQuery(Name = RecordingLink.ExpiresParameter)] long? Expires,
    [FromQuery(Name = RecordingLink.UserParameter)] Guid? User,
    [FromQuery(Name = RecordingLink.SignatureParameter)] string? Signature)
{
    /// <summary>The link's parameters when all three are there; a partial link is no link.</summary>
    public SignedLinkParameters? ToParameters() =>
        Expires is { } expires && User is { } user && !string.IsNullOrEmpty(Signature)
            ? new SignedLinkParameters(expires, user, Signature)
            : null;
}

/// <summary>
/// A recording's file, to play or to save. ASP.NET Core's physical-file result sends it from disk without holding it
/// in memory and answers one Range (206, or 416 with <c>Content-Range: bytes */length</c> and an empty body), If-Range,
/// If-None-Match and If-Modified-Since (304), If-Match and If-Unmodified-Since (412) from the file's ETag and
/// Last-Modified. A request for several ranges gets the whole file with 200. Behind nginx with
/// <c>Storage:AcceleratedRedirectPrefix</c> set (deploy/nginx/itqan-recording.conf), the API only authorises: it
/// answers with the headers and an <c>X-Accel-Redirect</c> to the file, and nginx sends the bytes and answers the
/// range and the conditions itself. A file in object storage (<c>Storage:Provider=S3</c>) is answered, after the same
/// checks, with 302 to a presigned GET of the object that lasts <c>Storage:S3:PresignedUrlLifetime</c>; the store then
/// answers the range and the conditions. A player whose URL has expired asks here again and gets a fresh one.
/// </summary>
public static class RecordingFileEndpoints
{
    private static readonly string[] MediaTypes = [.. Enum.GetValues<RecordingFormat>().Select(f => f.ContentType())];

    public static IEndpointRouteBuilder MapRecordingFileEndpoints(this IEndpointRouteBuilder app)
    {
        // Anonymous requests get through: a signed link stands in for the sign-in, and GetRecordingFileQuery checks either.
        var group = app.MapGroup("/api/recordings/{recordingId:guid}").WithTags("Recordings").AllowAnonymous()
            .AddEndpointFilter(PrivateCaching)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/stream", StreamRecording).WithName("StreamRecording").ProducesFile();
        group.MapGet("/download", DownloadRecording).WithName("DownloadRecording").ProducesFile();
        group.MapGet("/poster", RecordingPoster).WithName("RecordingPoster")
            .Produces<Stream>(StatusCodes.Status200OK, MediaOutputs.JpegContentType)
            .Produces(StatusCodes.Status302Found)
            .Produces(StatusCodes.Status304NotModified);
        group.MapGet("/previews", SeekPreviewsSprite).WithName("RecordingSeekPreviews")
            .Produces<Stream>(StatusCodes.Status200OK, MediaOutputs.JpegContentType)
            .Produces(StatusCodes.Status302Found)
            .Produces(StatusCodes.Status304NotModified);
        group.MapGet("/previews_track", SeekPreviewsTrackOf).WithName("RecordingSeekPreviewsTrack")
            .Produces<string>(StatusCodes.Status200OK, SeekPreviewsTrack.ContentType);
        group.MapGet("/aac", StreamAacCopy).WithName("StreamRecordingAac")
            .Produces<Stream>(StatusCodes.Status200OK, MediaOutputs.AacCopyContentType)
            .Produces(StatusCodes.Status302Found)
            .Produces<Stream>(StatusCodes.Status206PartialContent, MediaOutputs.AacCopyContentType)
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status416RangeNotSatisfiable);
        group.MapGet("/hls", HlsPlaylistOf).WithName("RecordingHlsPlaylist")
            .Produces<string>(StatusCodes.Status200OK, MediaOutputs.HlsPlaylistContentType);
        group.MapGet("/hls_media", HlsSegments).WithName("RecordingHlsSegments")
            .Produces<Stream>(StatusCodes.Status200OK, MediaOutputs.HlsMediaContentType)
            .Produces(StatusCodes.Status302Found)
            .Produces<Stream>(StatusCodes.Status206PartialContent, MediaOutputs.HlsMediaContentType)
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status416RangeNotSatisfiable);
        return app;
    }

    /// <summary>
    /// The file inline, for a player, seekable with Range. Signed in (cookie or bearer), or anonymous with the
    /// recording's <c>streamUrl</c>: 401 without either or with an expired link, 403 with a link that is not this
    /// recording's stream link. 409 until the recording is completed; 404 when its file is missing from storage. A
    /// recording made in parts: <c>part=N</c> plays part N (404 <c>recording.part_not_found</c> past the last), and the
    /// whole is 409 <c>recording.parts_not_joined</c> until its parts are joined (<c>joinState</c>: <c>done</c>).
    /// </summary>
    private static Task<Results<PhysicalFileHttpResult, AcceleratedFileResult, RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> StreamRecording(
        Guid recordingId,
        [AsParameters] SignedLinkQuery link,
        [FromQuery(Name = RecordingLink.PartParameter)] int? part,
        HttpContext http,
        ISender sender,
        CancellationToken cancellationToken) =>
        SendFileAsync(recordingId, RecordingFileAction.Stream, link, http, sender, cancellationToken, part: part);

    /// <summary>
    /// The file as an attachment named after the recording (<c>filename*</c> in UTF-8, <c>filename</c> in ASCII),
    /// with Range for resuming. Same rules as StreamRecording, with the recording's <c>downloadUrl</c>; <c>part=N</c>
    /// saves part N, named with its number.
    /// </summary>
    private static Task<Results<PhysicalFileHttpResult, AcceleratedFileResult, RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> DownloadRecording(
        Guid recordingId,
        [AsParameters] SignedLinkQuery link,
        [FromQuery(Name = RecordingLink.PartParameter)] int? part,
        HttpContext http,
        ISender sender,
        CancellationToken cancellationToken) =>
        SendFileAsync(recordingId, RecordingFileAction.Download, link, http, sender, cancellationToken, part: part);

    /// <summary>
    /// The recording's poster (JPEG), once its poster job is done (<c>posterState</c>: <c>done</c>); 404
    /// <c>recording.poster_missing</c> before. Same rules as StreamRecording, with the recording's <c>posterUrl</c>.
    /// </summary>
    private static Task<Results<PhysicalFileHttpResult, AcceleratedFileResult, RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> RecordingPoster(
        Guid recordingId, [AsParameters] SignedLinkQuery link, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        SendFileAsync(recordingId, RecordingFileAction.Poster, link, http, sender, cancellationToken);

    /// <summary>
    /// The sprite of a video's seek previews (JPEG, 160 × 90 stills ten to a row), once made (<c>previewsState</c>:
    /// <c>done</c>); 404 <c>recording.previews_missing</c> before. Same rules as StreamRecording; not audited.
    /// </summary>
    private static Task<Results<PhysicalFileHttpResult, AcceleratedFileResult, RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> SeekPreviewsSprite(
        Guid recordingId, [AsParameters] SignedLinkQuery link, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        SendFileAsync(recordingId, RecordingFileAction.Previews, link, http, sender, cancellationToken);

    /// <summary>
    /// The WebVTT thumbnails track of the seek previews (the recording's <c>previewsUrl</c>): a cue per still, its
    /// text the sprite's link, signed for the asker, with the still as <c>#xywh=</c>. Same rules as StreamRecording.
    /// </summary>
    private static Task<Results<PhysicalFileHttpResult, AcceleratedFileResult, RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> SeekPreviewsTrackOf(
        Guid recordingId, [AsParameters] SignedLinkQuery link, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        SendFileAsync(recordingId, RecordingFileAction.PreviewsTrack, link, http, sender, cancellationToken);

    /// <summary>
    /// An audio recording as AAC (.m4a), for players without Ogg/Opus (Safari before iOS 18.4), once its copy is made
    /// (<c>aacState</c>: <c>done</c>); 404 <c>recording.aac_missing</c> before. Same rules and Range as StreamRecording,
    /// with the recording's <c>aacUrl</c>; audited as a stream.
    /// </summary>
    private static Task<Results<PhysicalFileHttpResult, AcceleratedFileResult, RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> StreamAacCopy(
        Guid recordingId, [AsParameters] SignedLinkQuery link, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        SendFileAsync(recordingId, RecordingFileAction.Aac, link, http, sender, cancellationToken);

    /// <summary>
    /// A video's HLS playlist (the recording's <c>hlsUrl</c>), once its packaging is done (<c>hlsState</c>:
    /// <c>done</c>); 404 <c>recording.hls_missing</c> before. With the academy's low-bandwidth rendition, a master
    /// playlist of both variants (<c>variant=source</c>, <c>variant=low</c>); else, or with <c>variant</c>, a media
    /// playlist whose segments are byte ranges of one file, named by a link signed for the asker. Same rules as StreamRecording; not audited (the segments are).
    /// </summary>
    private static Task<Results<PhysicalFileHttpResult, AcceleratedFileResult, RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> HlsPlaylistOf(
        Guid recordingId,
        [AsParameters] SignedLinkQuery link,
        [FromQuery(Name = RecordingLink.VariantParameter)] HlsVariantParameter? variant,
        HttpContext http,
        ISender sender,
        CancellationToken cancellationToken) =>
        SendFileAsync(recordingId, RecordingFileAction.Hls, link, http, sender, cancellationToken, variant?.Value);

    /// <summary>
    /// The file of a video's HLS segments (fragmented MP4), read with Range as the playlist says. Same rules and Range
    /// as StreamRecording, with the link in the playlist; audited as a stream.
    /// </summary>
    private static Task<Results<PhysicalFileHttpResult, AcceleratedFileResult, RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> HlsSegments(
        Guid recordingId,
        [AsParameters] SignedLinkQuery link,
        [FromQuery(Name = RecordingLink.VariantParameter)] HlsVariantParameter? variant,
        HttpContext http,
        ISender sender,
        CancellationToken cancellationToken) =>
        SendFileAsync(recordingId, RecordingFileAction.HlsMedia, link, http, sender, cancellationToken, variant?.Value);

    private static async Task<Results<PhysicalFileHttpResult, AcceleratedFileResult, RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> SendFileAsync(
        Guid recordingId,
        RecordingFileAction action,
        SignedLinkQuery link,
        HttpContext http,
        ISender sender,
        CancellationToken cancellationToken,
        HlsVariant? variant = null,
        int? part = null)
    {
        var result = await sender.Send(
            new GetRecordingFileQuery(recordingId, action, http.User.ToActorIfSignedIn(), link.ToParameters(), variant, part), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var (stored, delivery) = result.Value;
        return stored switch
        {
            StoredFile.AtPresignedUrl { AcceleratedRedirect: { } redirect } => new AcceleratedFileResult(redirect, delivery.ContentType, delivery.DownloadFileName),
            StoredFile.AtPresignedUrl presigned => TypedResults.Redirect(presigned.Url.AbsoluteUri),
            StoredFile.Made made => TypedResults.Text(made.Content, delivery.ContentType),
            StoredFile.OnDisk { AcceleratedRedirect: { } redirect } => new AcceleratedFileResult(redirect, delivery.ContentType, delivery.DownloadFileName),
            StoredFile.OnDisk onDisk => TypedResults.PhysicalFile(
                onDisk.PhysicalPath,
                delivery.ContentType,
                fileDownloadName: delivery.DownloadFileName,
                lastModified: onDisk.LastModified,
                entityTag: EntityTagOf(onDisk),
                enableRangeProcessing: true),
            _ => throw new InvalidOperationException($"No answer for a stored file of type {stored.GetType().Name}."),
        };
    }

    /// <summary>
    /// The whole file, one range of it, nothing new since the client's copy, or a range past its end; with object
    /// storage, a redirect to the object's short-lived presigned URL, where the same holds.
    /// </summary>
    private static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder endpoint) =>
        endpoint
            .Produces<Stream>(StatusCodes.Status200OK, MediaTypes[0], MediaTypes[1..])
            .Produces(StatusCodes.Status302Found)
            .Produces<Stream>(StatusCodes.Status206PartialContent, MediaTypes[0], MediaTypes[1..])
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status416RangeNotSatisfiable);

    /// <summary>Strong, so If-Range may use it, and new whenever the file is rewritten.</summary>
    private static EntityTagHeaderValue EntityTagOf(StoredFile.OnDisk file) =>
        new(string.Create(CultureInfo.InvariantCulture, $"\"{file.Length:x}-{file.LastModified.UtcTicks:x}\""));

    /// <summary>
    /// A shared cache must never keep a recording (a cookie-authenticated answer proves nothing for the next asker),
    /// and the browser asks again each time, so access that has since ended is not replayed from its cache.
    /// </summary>
    private static ValueTask<object?> PrivateCaching(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "private, no-cache";
        return next(context);
    }
}

/// <summary>
/// The <c>variant</c> of an HLS link by its wire name (<c>source</c>, <c>low</c>); anything else is a 400.
/// </summary>
public readonly record struct HlsVariantParameter(HlsVariant Value)
{
    public static bool TryParse(string? text, out HlsVariantParameter parameter)
    {
        var known = WireNames.TryParse(text, out HlsVariant variant);
        parameter = new HlsVariantParameter(variant);
        return known;
    }
}

/// <summary>
/// The answer for nginx to complete: the file's media type and, for a download, its attachment name (as the
/// physical-file result writes them), an <c>X-Accel-Redirect</c> naming the file in nginx's internal location, and
/// no body. nginx keeps these headers and sends the file with its own Range, ETag and Last-Modified handling.
/// Not an OpenAPI shape of its own: the client sees the file as from the physical-file result.
/// </summary>
public sealed class AcceleratedFileResult(string redirect, string contentType, string? downloadName) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.Headers["X-Accel-Redirect"] = redirect;
        response.ContentType = contentType;
        if (downloadName is not null)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(downloadName);
            response.Headers.ContentDisposition = disposition.ToString();
        }

        return Task.CompletedTask;
    }
}
