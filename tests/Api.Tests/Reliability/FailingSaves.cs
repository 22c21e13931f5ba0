using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>
/// A database that refuses chosen writes the way a real one would fail them (a lost connection, a concurrent change
/// of the row), after everything before the save — LiveKit's calls included — has happened.
/// </summary>
public sealed class FailingSaves : SaveChangesInterceptor
{
    private readonly ConcurrentBag<Func<ChangeTracker, Exception?>> _failures = [];

    public void FailInsertOfRecordingOf(Guid sessionId) => _failures.Add(tracker =>
        tracker.Entries<Domain.Recordings.Recording>().Any(e => e.State == EntityState.Added && e.Entity.SessionId == sessionId)
            ? new DbUpdateException("The test's database refused to insert this recording.")
            : null);

    public void FailUpdateOfRecording(Guid recordingId) => _failures.Add(tracker =>
        tracker.Entries<Domain.Recordings.Recording>().Any(e => e.State == EntityState.Modified && e.Entity.Id == recordingId)
            ? new DbUpdateConcurrencyException("The test's database saw a concurrent change of this recording.")
            : null);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var failure = _failures.Select(fail => fail(eventData.Context!.ChangeTracker)).FirstOrDefault(e => e is not null);
        return failure is null ? base.SavingChangesAsync(eventData, result, cancellationToken) : throw failure;
    }
}
