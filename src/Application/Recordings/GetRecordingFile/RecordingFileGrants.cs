using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;

namespace ItqanRecording.Application.Recordings.GetRecordingFile;

/// <summary>
/// Whether a user may have a recording's file for an action, decided once and then remembered for a short while
/// (<see cref="RecordingFileAccessMemory"/>): a player's range requests and heartbeats do not each ask the database.
/// </summary>
public static class RecordingFileGrants
{
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
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(actor);
        return memory.FindGrant(actor.UserId, recordingId, action) is { } remembered
            ? remembered
            : await DecideAsync(db, sessions, memory, recordingId, actor, action, cancellationToken);
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
