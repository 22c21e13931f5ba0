using System.Globalization;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Domain.Recordings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.EgressEvents.StopOverdueRecordings;

/// <summary>
/// Stops every recording that has run longer than its kind's maximum (someone forgot to press Stop): LiveKit stops
/// the egress, the recording becomes processing with a Stopped audit entry that says why, and its
/// <c>egress_ended</c> completes it. Answers the recordings it stopped. Each recording is one unit; when cancelled,
/// the unit under way is finished and no new one begins.
/// </summary>
public sealed record StopOverdueRecordingsCommand : ICommand<IReadOnlyList<Guid>>;

public sealed class StopOverdueRecordingsHandler(
    IApplicationDbContext db,
    ISessionRecordingLock sessionLock,
    IEgressClient egress,
    IOptions<MaxRecordingDurationOptions> options,
    TimeProvider clock,
    ILogger<StopOverdueRecordingsHandler> logger) : ICommandHandler<StopOverdueRecordingsCommand, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(StopOverdueRecordingsCommand command, CancellationToken cancellationToken)
    {
        var limits = options.Value.Kinds;
        var now = clock.GetUtcNow();
        // The database narrows to what ran longer than the shortest limit; each kind's own limit decides here.
        var startedBeforeShortestLimit = now - limits.Values.Min();
        var candidates = await db.Recordings.AsNoTracking()
            .Where(r => r.Status == RecordingStatus.Recording && r.StartedAt <= startedBeforeShortestLimit)
            .OrderBy(r => r.StartedAt)
            .Select(r => new { r.Id, r.EgressId, r.SessionKind, r.StartedAt })
            .ToListAsync(cancellationToken);
        var overdue = candidates.Where(r => limits.TryGetValue(r.SessionKind, out var limit) && r.StartedAt <= now - limit);

        var stopped = new List<Guid>();
        foreach (var recording in overdue)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var limit = limits[recording.SessionKind];
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"Stopped automatically: it reached the maximum duration of {limit:c} for {recording.SessionKind.Name} sessions.");
            await using var locked = await LockedRecording.FindByEgressAsync(db, sessionLock, recording.EgressId, eventId: null, CancellationToken.None);
            if (locked is not null && await AutomaticStop.TryStopAsync(
                    locked, db, egress, reason, markWhenLiveKitFails: false, clock.GetUtcNow(), logger, CancellationToken.None))
            {
                stopped.Add(recording.Id);
            }
        }

        return stopped;
    }
}
