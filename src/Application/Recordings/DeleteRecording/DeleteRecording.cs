using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings.DeleteRecording;

/// <summary>
/// An academy admin (the endpoint's policy) deletes a recording of their academy: it stays in the catalogue as
/// deleted and disappears for everyone else. It waits in the trash, restorable, for the academy's days; its file goes
/// then, when the trash is emptied, or at once when <see cref="RemoveFile"/> asks. The aggregate
/// refuses what cannot be deleted, and says why: deleting twice is a conflict, so a repeat never passes silently with
/// a different <see cref="RemoveFile"/>, and a recording still being recorded must be stopped first.
/// </summary>
public sealed record DeleteRecordingCommand(Guid RecordingId, bool RemoveFile, Actor Actor) : ICommand<Result<Success>>;

public sealed class DeleteRecordingHandler(IApplicationDbContext db, IRecordingStorage storage, TimeProvider clock)
    : ICommandHandler<DeleteRecordingCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(DeleteRecordingCommand command, CancellationToken cancellationToken)
    {
        var recording = await db.Recordings.SingleOrDefaultAsync(
            r => r.Id == command.RecordingId && r.AcademyId == command.Actor.AcademyId, cancellationToken);
        if (recording is null)
        {
            return RecordingErrors.RecordingNotFound;
        }

        if (recording.RefusalToMoveTo(RecordingStatus.Deleted) is { } refusal)
        {
            return RecordingErrors.Refused(refusal);
        }

        // The file goes first: should that fail, nothing has changed and the admin can try again. Once it is gone the
        // row is saved even if the client has left, so no completed recording is left without its file.
        if (command.RemoveFile)
        {
            foreach (var file in recording.StoredFiles)
            {
                await storage.DeleteFilesOfAsync(file, cancellationToken);
            }
        }

        db.RecordingAuditEntries.Add(
            recording.Delete(command.Actor.UserId, clock.GetUtcNow(), command.RemoveFile, command.RemoveFile ? "file removed" : "to the trash"));
        await db.SaveChangesAsync(CancellationToken.None);
        return new Success();
    }
}
