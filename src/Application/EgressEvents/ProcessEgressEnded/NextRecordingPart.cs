using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.EgressEvents.ProcessEgressEnded;

/// <summary>
/// The next part of a recording that LiveKit cut at its time limit (<c>EGRESS_LIMIT_REACHED</c>; LiveKit Cloud cuts
/// a file at 3 hours): started at once, like a teacher's Start, while the recording still records (the teacher did not
/// stop it) and its session is still live. The recording takes it under its row lock
/// (<see cref="Recording.ContinueInNextPart"/>); an egress it did not take (a resend, a concurrent copy of the end,
/// a Stop in between) is stopped again.
/// </summary>
public sealed class NextRecordingPart(
    IApplicationDbContext db,
    ISessionFinder sessions,
    RecordingEgressStarter starter,
    IEgressClient egress,
    ILogger<NextRecordingPart> logger)
{
    /// <summary>The egress that records the next part after <paramref name="cut"/>, or null when none is due or LiveKit refused it.</summary>
    public async Task<StartedEgress?> StartAfterAsync(EgressInfo cut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cut);
        var sessionId = await db.Recordings.AsNoTracking()
            .Where(r => r.EgressId == cut.EgressId && r.Status == RecordingStatus.Recording)
            .Select(r => (Guid?)r.SessionId)
            .SingleOrDefaultAsync(cancellationToken);
        var session = sessionId is { } id ? await sessions.FindAsync(id, cancellationToken) : null;
        if (session is null || session.FindRecordingBlocker(hasActiveRecording: false) is not null)
        {
            return null;
        }

        var started = await starter.StartAsync(session, cancellationToken);
        if (!started.IsSuccess)
        {
            logger.LogWarning(
                "LiveKit cut egress {EgressId} at its limit and the next part could not start ({Code}); the recording ends with what it has",
                cut.EgressId,
                started.Error.Code);
            return null;
        }

        logger.LogInformation("Egress {EgressId} was cut at LiveKit's limit; egress {NextEgressId} records the next part", cut.EgressId, started.Value.Egress.EgressId);
        return started.Value;
    }

    /// <summary>Takes the next part's start intent out with the recording's change that takes the part.</summary>
    public void Taken(StartedEgress next)
    {
        ArgumentNullException.ThrowIfNull(next);
        db.EgressStartIntents.Remove(next.Intent);
    }

    /// <summary>The recording did not take the egress: it is stopped, and its intent goes once it is (else reconciliation stops it).</summary>
    public async Task DiscardAsync(StartedEgress next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (await new OrphanedEgress(egress, db, logger).StopAsync(next.Egress.EgressId))
        {
            await db.EgressStartIntents.Where(i => i.Id == next.Intent.Id).ExecuteDeleteAsync(CancellationToken.None);
        }
    }
}
