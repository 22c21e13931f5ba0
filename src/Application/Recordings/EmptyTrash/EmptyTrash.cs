using System.Globalization;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.Recordings.EmptyTrash;

/// <summary>
/// Removes the files of deleted recordings in the trash: those that had their academy's days there
/// (<see cref="OnlyExpired"/>; the periodic job, every academy when <see cref="AcademyId"/> is null) or all of one
/// academy's (its admin empties the trash). Each recording's files go first, then it is marked: it cannot be restored.
/// </summary>
public sealed record EmptyTrashCommand(Guid? AcademyId, bool OnlyExpired, Guid? ByUserId) : ICommand<TrashEmptied>;

/// <summary>How many recordings left the trash, and the bytes their files held.</summary>
public sealed record TrashEmptied(int Count, long TotalBytes);

public sealed class EmptyTrashHandler(IApplicationDbContext db, IRecordingStorage storage, TimeProvider clock, ILogger<EmptyTrashHandler> logger)
    : ICommandHandler<EmptyTrashCommand, TrashEmptied>
{
    public async ValueTask<TrashEmptied> Handle(EmptyTrashCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var academies = await db.Academies.AsNoTracking()
            .Where(a => command.AcademyId == null || a.Id == command.AcademyId)
            .Select(a => new { a.Id, a.TrashDays })
            .ToListAsync(cancellationToken);
        var (count, bytes) = (0, 0L);
        foreach (var academy in academies)
        {
            var cutoff = command.OnlyExpired ? now.AddDays(-academy.TrashDays) : now;
            var reason = command.OnlyExpired
                ? string.Create(CultureInfo.InvariantCulture, $"{academy.TrashDays} days in the trash")
                : "the trash was emptied";
            // Recordings whose files are removed drop out of the query.
            var inTrash = db.Recordings
                .Where(r => r.AcademyId == academy.Id && r.Status == RecordingStatus.Deleted && r.FilesRemovedAt == null && r.DeletedAt <= cutoff)
                .OrderBy(r => r.DeletedAt);
            var removed = await RecordingFilesRemoval.RemoveOneByOneAsync(
                db, storage, inTrash, r => r.MarkFilesRemoved(command.ByUserId, now, reason), cancellationToken);
            (count, bytes) = (count + removed.Count, bytes + removed.Sum(r => r.File?.SizeBytes ?? 0));
        }

        if (count > 0)
        {
            logger.LogInformation("The trash let go of {RecordingCount} recordings, {TotalBytes} bytes", count, bytes);
        }

        return new TrashEmptied(count, bytes);
    }
}
