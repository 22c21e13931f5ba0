using ItqanRecording.Application.Common;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.Recordings.GetRecordingFile;

/// <summary>
/// The file of a recording, to stream or to download, for whoever may see the recording (<see cref="VisibleRecording"/>).
/// A signed-in user is taken as who they are and any link is ignored; without a sign-in, a valid signed link stands
/// in for the user it was made out to. The first stream and the first download per user and UTC day go into the
/// audit trail; the player's further range requests add nothing. A poster (<see cref="RecordingFileAction.Poster"/>)
/// follows the same access rules and is not audited; listening to the AAC copy (<see cref="RecordingFileAction.Aac"/>)
/// is audited as a stream, and so is reading a video's HLS segments (<see cref="RecordingFileAction.HlsMedia"/>), while its
/// playlist (<see cref="RecordingFileAction.Hls"/>) is not. A granted access is remembered for a short while
/// (<see cref="RecordingFileAccessMemory"/>), so a player's range requests do not each ask the database again. A
/// recording made in parts streams and downloads each part by its <see cref="Part"/> number too (audited as the file).
/// </summary>
public sealed record GetRecordingFileQuery(
    Guid RecordingId, RecordingFileAction Action, Actor? Actor, SignedLinkParameters? Link, HlsVariant? Variant = null, int? Part = null)
    : IQuery<Result<RecordingFileToSend>>;

/// <summary>The <c>expires</c> (Unix seconds), <c>u</c> and <c>sig</c> of a signed link, as the request carried them.</summary>
public sealed record SignedLinkParameters(long Expires, Guid UserId, string Signature);

/// <summary>How to send the file as it is now, with its media type and, for a download, the name to save it under.</summary>
public sealed record RecordingFileToSend(StoredFile File, FileDelivery Delivery);

/// <summary>
/// The columns of a recording a file request needs (its metadata stays in the database); the file's storage, path
/// and format are null until the recording is completed.
/// </summary>
public sealed record RecordingForFile(
    Guid Id,
    Guid AcademyId,
    RecordingStatus Status,
    string DisplayName,
    StorageProvider? FileStore,
    string? FilePath,
    RecordingFormat? FileFormat,
    TimeSpan? Duration,
    IReadOnlyList<RecordingPart> Parts);

public sealed class GetRecordingFileHandler(
    IApplicationDbContext db,
    ISessionFinder sessions,
    IRecordingStorage storage,
    IRecordingLinkSigner signer,
    RecordingFileAccessMemory memory,
    TimeProvider clock,
    ILogger<GetRecordingFileHandler> logger) : IQueryHandler<GetRecordingFileQuery, Result<RecordingFileToSend>>
{
    public async ValueTask<Result<RecordingFileToSend>> Handle(GetRecordingFileQuery query, CancellationToken cancellationToken)
    {
        var requester = RecordingFileGrants.RequesterOf(query.RecordingId, query.Action, query.Actor, query.Link, signer, clock);
        if (!requester.IsSuccess)
        {
            return requester.Error;
        }

        var found = await RecordingFileGrants.FindAsync(
            db, sessions, memory, query.RecordingId, query.Actor, requester.Value, query.Action, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var recording = found.Value;
        if (recording is not { FileStore: { } store, FilePath: { } path, FileFormat: { } format })
        {
            return RecordingErrors.FileNotReady(recording.Status);
        }

        // Pictures made after completion are not audited: a list shows many posters, and none of them is watching.
        switch (query.Action)
        {
            case RecordingFileAction.Poster:
                return await MadeImageAsync(recording.Id, store, MediaOutputs.PosterOf(path), RecordingErrors.PosterMissing, cancellationToken);
            case RecordingFileAction.Previews:
                return await MadeImageAsync(recording.Id, store, MediaOutputs.SeekPreviewsOf(path), RecordingErrors.PreviewsMissing, cancellationToken);
            case RecordingFileAction.PreviewsTrack:
                var sprite = await MadeImageAsync(recording.Id, store, MediaOutputs.SeekPreviewsOf(path), RecordingErrors.PreviewsMissing, cancellationToken);
                return sprite.IsSuccess
                    ? new RecordingFileToSend(
                        new StoredFile.Made(SeekPreviewsTrack.Write(
                            recording.Duration ?? TimeSpan.Zero, signer.SignLink(recording.Id, RecordingFileAction.Previews, requester.Value).Url)),
                        new FileDelivery(SeekPreviewsTrack.ContentType, null))
                    : sprite.Error;
            case RecordingFileAction.Hls:
                return await HlsPlaylistAsync(recording.Id, store, path, requester.Value, query.Variant, cancellationToken);
        }

        if (query.Part is { } number)
        {
            return recording.Parts.SingleOrDefault(p => p.Number == number) is { } part
                ? await SendPartAsync(recording, part, query.Action, requester.Value, cancellationToken)
                : RecordingErrors.PartNotFound;
        }

        var (sentPath, delivery) = query.Action switch
        {
            RecordingFileAction.Aac => (MediaOutputs.AacCopyOf(path), new FileDelivery(MediaOutputs.AacCopyContentType, null)),
            RecordingFileAction.HlsMedia => (
                MediaOutputs.HlsMediaOf(path, query.Variant ?? HlsVariant.Source), new FileDelivery(MediaOutputs.HlsMediaContentType, null)),
            RecordingFileAction.Download => (path, new FileDelivery(format.ContentType(), DownloadFileName.For(recording.DisplayName, format))),
            _ => (path, new FileDelivery(format.ContentType(), null)),
        };
        if (await FindStoredFileAsync(recording.Id, store, sentPath, delivery, cancellationToken) is not { } stored)
        {
            return query.Action switch
            {
                RecordingFileAction.Aac => RecordingErrors.AacCopyMissing,
                RecordingFileAction.HlsMedia => RecordingErrors.HlsMissing,
                // Until its Join job has made it, a recording in parts has no one file yet.
                _ when recording.Parts.Count > 0 => RecordingErrors.PartsNotJoined,
                _ => RecordingErrors.FileMissing,
            };
        }

        await AuditAsync(recording, query.Action, requester.Value, cancellationToken);
        return new RecordingFileToSend(stored, delivery);
    }

    /// <summary>One part of a recording made in parts, to play or to save (named with its number).</summary>
    private async Task<Result<RecordingFileToSend>> SendPartAsync(
        RecordingForFile recording, RecordingPart part, RecordingFileAction action, Guid requesterId, CancellationToken cancellationToken)
    {
        var format = part.File.Format;
        var delivery = action == RecordingFileAction.Download
            ? new FileDelivery(format.ContentType(), DownloadFileName.For($"{recording.DisplayName} - part {part.Number}", format))
            : new FileDelivery(format.ContentType(), null);
        if (await FindStoredFileAsync(recording.Id, part.File.Store, part.File.RelativePath, delivery, cancellationToken) is not { } stored)
        {
            return RecordingErrors.FileMissing;
        }

        await AuditAsync(recording, action, requesterId, cancellationToken);
        return new RecordingFileToSend(stored, delivery);
    }

    /// <summary>
    /// The first stream or download of the user's day goes into the audit trail. The database's unique index keeps the
    /// first entry of the day and ignores parallel first requests; once it is there, this instance stops asking until
    /// the next UTC day.
    /// </summary>
    private async Task AuditAsync(RecordingForFile recording, RecordingFileAction action, Guid requesterId, CancellationToken cancellationToken)
    {
        var access = RecordingAuditEntry.For(
            recording.Id,
            recording.AcademyId,
            action == RecordingFileAction.Download ? RecordingAuditAction.Downloaded : RecordingAuditAction.Streamed,
            requesterId,
            clock.GetUtcNow());
        if (!memory.IsAudited(access))
        {
            await db.AddFirstAccessOfTheDayAsync(access, cancellationToken);
            memory.RememberAudited(access);
        }
    }

    /// <summary>A JPEG made from the recording's file, when it is there.</summary>
    private async Task<Result<RecordingFileToSend>> MadeImageAsync(
        Guid recordingId, StorageProvider store, string relativePath, Error missing, CancellationToken cancellationToken)
    {
        var image = new FileDelivery(MediaOutputs.JpegContentType, null);
        return await FindStoredFileAsync(recordingId, store, relativePath, image, cancellationToken) is { } stored
            ? new RecordingFileToSend(stored, image)
            : missing;
    }

    /// <summary>
    /// The playlist a player asked for: without a variant, the master playlist when the low-bandwidth rendition is
    /// there, else the source's media playlist; with one, that variant's media playlist. Links carry the variant.
    /// </summary>
    private async Task<Result<RecordingFileToSend>> HlsPlaylistAsync(
        Guid recordingId, StorageProvider store, string path, Guid userId, HlsVariant? variant, CancellationToken cancellationToken)
    {
        var source = variant == HlsVariant.Low ? null : await ReadTextAsync(recordingId, store, MediaOutputs.HlsPlaylistOf(path), cancellationToken);
        var low = variant == HlsVariant.Source ? null : await ReadTextAsync(recordingId, store, MediaOutputs.HlsPlaylistOf(path, HlsVariant.Low), cancellationToken);
        string playlist;
        if (variant is null && source is not null && low is not null)
        {
            var link = signer.SignLink(recordingId, RecordingFileAction.Hls, userId).Url;
            playlist = HlsPlaylist.Master([
                ($"{link}&{RecordingLink.VariantParameter}={WireNames.Of(HlsVariant.Source)}", HlsPlaylist.PeakBandwidthOf(source)),
                ($"{link}&{RecordingLink.VariantParameter}={WireNames.Of(HlsVariant.Low)}", HlsPlaylist.PeakBandwidthOf(low)),
            ]);
        }
        else if ((variant == HlsVariant.Low ? low : source) is { } media)
        {
            var mediaLink = signer.SignLink(recordingId, RecordingFileAction.HlsMedia, userId).Url;
            playlist = HlsPlaylist.Sign(media, variant == HlsVariant.Low ? $"{mediaLink}&{RecordingLink.VariantParameter}={WireNames.Of(HlsVariant.Low)}" : mediaLink);
        }
        else
        {
            return RecordingErrors.HlsMissing;
        }

        return new RecordingFileToSend(new StoredFile.Made(playlist), new FileDelivery(MediaOutputs.HlsPlaylistContentType, null));
    }

    /// <summary>The text of a small made file, or null when it is gone or the path would leave the storage root.</summary>
    private async Task<string?> ReadTextAsync(Guid recordingId, StorageProvider store, string relativePath, CancellationToken cancellationToken)
    {
        try
        {
            return await storage.ReadTextAsync(store, relativePath, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            logger.LogError(exception, "Recording {RecordingId} holds a file path outside the storage root: {RelativePath}", recordingId, relativePath);
            return null;
        }
    }

    /// <summary>The file in its storage, or null when it is gone or the recording's path would leave the storage root.</summary>
    private async Task<StoredFile?> FindStoredFileAsync(
        Guid recordingId, StorageProvider store, string relativePath, FileDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await storage.FindFileAsync(store, relativePath, delivery, cancellationToken);
            if (stored is null)
            {
                logger.LogWarning(
                    "The file {RelativePath} of recording {RecordingId} is missing from the {Storage} storage", relativePath, recordingId, store);
            }

            return stored;
        }
        catch (ArgumentException exception)
        {
            logger.LogError(exception, "Recording {RecordingId} holds a file path outside the storage root: {RelativePath}", recordingId, relativePath);
            return null;
        }
    }
}
