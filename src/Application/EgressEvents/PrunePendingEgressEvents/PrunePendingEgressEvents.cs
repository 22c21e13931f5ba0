using ItqanRecording.Application.Common.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.EgressEvents.PrunePendingEgressEvents;

/// <summary>
/// Deletes the egress events that have stopped waiting: those applied, and those that waited longer than
/// <paramref name="MaxAge"/> for a recording that never came (an egress that is not ours, a start that failed). Oldest
/// first and at most <paramref name="BatchSize"/> in one run, so a backlog drains over several runs, each one short
/// delete. Answers how many were deleted.
/// </summary>
public sealed record PrunePendingEgressEventsCommand(TimeSpan MaxAge, int BatchSize) : ICommand<int>;

public sealed class PrunePendingEgressEventsHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<PrunePendingEgressEventsCommand, int>
{
    public async ValueTask<int> Handle(PrunePendingEgressEventsCommand command, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - command.MaxAge;

        // Ids are version 7 UUIDs made from the arrival time: the primary key walks the events oldest first, so the
        // batch is found, and deleted, through that index without reading the whole table.
        return await db.PendingEgressEvents
            .Where(p => p.AppliedAt != null || p.ReceivedAt < cutoff)
            .OrderBy(p => p.Id)
            .Take(command.BatchSize)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
