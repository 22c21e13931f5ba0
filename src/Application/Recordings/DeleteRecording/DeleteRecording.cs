using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Domain.Recordings;
using Itqan.Recording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Application.Recordings.DeleteRecording;

/// <summary>
/// An academy admin (the endpoint's policy) deletes a recording of their academy: it stays in the catalogue as
/// deleted and disappears for everyone else. Its file goes only when <see cref="RemoveFile"/> asks. Deleting twice
/// is a conflict, so a repeat never passes silently with a different <see cref="RemoveFile"/>. A recording still
/// being recorded is refused too, although the aggregate could delete it: the egress would go on writing a file
/// nobody may see, so the admin stops it first. A processing one may go; its late <c>egress_ended</c> changes nothing.
/// </summary>
public sealed record DeleteRecording(Guid RecordingId, bool RemoveFile, Actor Actor) : ICommand<Result<Success>>;

public sealed class DeleteRecordingHandler(IApplicationDbContext db, IRecordingStorage storage, TimeProvider clock)
    : ICommandHandler<DeleteRecording, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(DeleteRecording command, CancellationToken cancellationToken)
    {
        var recording = await db.Recordings.SingleOrDefaultAsync(
            r => r.Id == command.RecordingId && r.AcademyId == command.Actor.AcademyId, cancellationToken);
        if (recording is null)
        {
            return RecordingErrors.RecordingNotFound;
        }

        if (recording.Status == RecordingStatus.Recording || !recording.CanMoveTo(RecordingStatus.Deleted))
        {
            return RecordingErrors.NotDeletable(recording.Status);
        }

        // The file goes first: should that fail, nothing has changed and the admin can try again. Once it is gone the
        // row is saved even if the client has left, so no completed recording is left without its file.
        if (command.RemoveFile && recording.File is { } file)
        {
            storage.DeleteFile(file.RelativePath);
        }

        var now = clock.GetUtcNow();
        recording.Delete(now);
        db.RecordingAuditEntries.Add(RecordingAuditEntry.For(
            recording, RecordingAuditAction.Deleted, command.Actor.UserId, now, command.RemoveFile ? "file removed" : "file kept"));
        await db.SaveChangesAsync(CancellationToken.None);
        return new Success();
    }
}
