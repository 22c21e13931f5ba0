using ItqanRecording.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings;

/// <summary>How retention and the trash let recordings' files go: in batches, one recording at a time.</summary>
public static class RecordingFilesRemoval
{
    private const int BatchSize = 100;

    /// <summary>
    /// Removes the files of each recording <paramref name="due"/> finds (ordered; a recording once marked must drop out
    /// of it, so each batch is the next one), then saves what <paramref name="mark"/> records of it. A file that cannot
    /// be removed stops the run with nothing changed for that recording, and a failed save never leaves other
    /// recordings without their files. When cancelled (the host stops), the recording under way is finished and no new
    /// one begins.
    /// </summary>
    public static async Task<List<Domain.Recordings.Recording>> RemoveOneByOneAsync(
        IApplicationDbContext db,
        IRecordingStorage storage,
        IQueryable<Domain.Recordings.Recording> due,
        Func<Domain.Recordings.Recording, Domain.Recordings.RecordingAuditEntry> mark,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(mark);
        var removed = new List<Domain.Recordings.Recording>();
        var more = true;
        while (more && !cancellationToken.IsCancellationRequested)
        {
            var batch = await due.Take(BatchSize).ToListAsync(cancellationToken);
            more = batch.Count == BatchSize;
            foreach (var recording in batch.TakeWhile(_ => !cancellationToken.IsCancellationRequested))
            {
                foreach (var file in recording.StoredFiles)
                {
                    await storage.DeleteFilesOfAsync(file, CancellationToken.None);
                }

                db.RecordingAuditEntries.Add(mark(recording));
                await db.SaveChangesAsync(CancellationToken.None);
                removed.Add(recording);
            }
        }

        return removed;
    }
}
