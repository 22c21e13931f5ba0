using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings.GetRecordingFile;

/// <summary>
/// Whether a user may have a recording's file for an action, decided once and then remembered for a short while
/// (<see cref="RecordingFileAccessMemory"/>): a player's range requests and heartbeats do not each ask the database.
/// The user is the signed-in one, or the one a signed link was made out to (<see cref="RequesterOf"/>).
/// </summary>
public static class RecordingFileGrants
{
    /// <summary>
    /// The signed-in user (any link is then ignored), else the user a genuine, unexpired link for exactly this
    /// recording and <paramref name="action"/> was made out to.
    /// </summary>
    public static Result<Guid> RequesterOf(
        Guid recordingId,
        RecordingFileAction action,
        Actor? signedIn,
        SignedLinkParameters? parameters,
        IRecordingLinkSigner signer,
        TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(clock);
        if (signedIn is not null)
        {
            return signedIn.UserId;
        }

        if (parameters is null)
        {
            return RecordingErrors.SignInOrLinkRequired;
        }

        var link = new RecordingLink(
            recordingId, action, parameters.UserId, DateTimeOffset.FromUnixTimeSeconds(parameters.Expires), parameters.Signature);
        if (!signer.IsAuthentic(link))
        {
            return RecordingErrors.LinkInvalid;
        }

        if (link.ExpiresAt <= clock.GetUtcNow())
        {
            return RecordingErrors.LinkExpired;
        }

        return link.UserId;
    }

    /// <summary>
    /// The recording, when <paramref name="requesterId"/> (signed in as <paramref name="signedIn"/>, or a link's
    /// user when that is null) may have it: remembered from an earlier request of theirs, or decided now (a link's
    /// user is loaded for that) and remembered when it has a file to send.
    /// </summary>
    public static async Task<Result<RecordingForFile>> FindAsync(
        IApplicationDbContext db,
        ISessionFinder sessions,
        RecordingFileAccessMemory memory,
        Guid recordingId,
        Actor? signedIn,
        Guid requesterId,
        RecordingFileAction action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(memory);
        if (memory.FindGrant(requesterId, recordingId, action) is { } remembered)
        {
            return remembered;
        }

        var actor = signedIn
            ?? (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == requesterId, cancellationToken))?.AsActor();
        return actor is null
            ? RecordingErrors.LinkInvalid
            : await DecideAsync(db, sessions, memory, recordingId, actor, action, cancellationToken);
    }

    /// <summary>The recording as remembered for the actor, else decided now (<see cref="DecideAsync"/>).</summary>
    public static async Task<Result<RecordingForFile>> FindAsync(
        IApplicationDbContext db,
        ISessionFinder sessions,
        RecordingFileAccessMemory memory,
        Guid recordingId,
        Actor actor,
        RecordingFileAction action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await FindAsync(db, sessions, memory, recordingId, actor, actor.UserId, action, cancellationToken);
    }

    /// <summary>
    /// The recording's file columns when the actor may see it (<see cref="VisibleRecording"/>), remembered when it has a
    /// file to send.
    /// </summary>
    public static async Task<Result<RecordingForFile>> DecideAsync(
        IApplicationDbContext db,
        ISessionFinder sessions,
        RecordingFileAccessMemory memory,
        Guid recordingId,
        Actor actor,
        RecordingFileAction action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await VisibleRecording.FindAsync(
            db,
            sessions,
            recordingId,
            actor,
            r => new VisibleRecording.Seen<RecordingForFile>(
                r.Status,
                r.SessionId,
                r.Publication,
                new RecordingForFile(
                    r.Id,
                    r.AcademyId,
                    r.Status,
                    r.DisplayName,
                    (StorageProvider?)r.File!.Store,
                    (string?)r.File.RelativePath,
                    (RecordingFormat?)r.File.Format,
                    r.Duration,
                    r.Parts)),
            cancellationToken);
        if (found.IsSuccess && found.Value.FilePath is not null)
        {
            memory.RememberGrant(actor.UserId, action, found.Value);
        }

        return found;
    }
}
