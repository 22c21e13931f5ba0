using System.Globalization;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Domain.Recordings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.EgressEvents.ReconcileRecordings;

/// <summary>One recording whose state reconciliation looked at, and what it did.</summary>
public sealed record ReconciledRecording(Guid RecordingId, string EgressId, RecordingStatus PreviousStatus, RecordingStatus Status, string Outcome);

/// <summary>What a reconciliation run did. <see cref="Changed"/> lists only recordings whose status moved.</summary>
public sealed record ReconciliationReport(
    int Checked,
    int PendingEventsApplied,
    IReadOnlyList<ReconciledRecording> Changed,
    IReadOnlyList<ReconciledRecording> Unresolved);

/// <summary>
/// LiveKit does not promise to deliver webhooks, so we ask it. Every recording (of one academy, or all) that has
/// been recording or processing for at least <paramref name="StuckFor"/> is looked up with <c>ListEgress</c> and its
/// real state applied through the same use cases as the webhooks: an ended egress completes or fails it, an ending
/// one makes it processing, an egress LiveKit no longer knows fails it. A processing recording whose egress still
/// runs is stopped again. Egress events that waited for their recording are applied first. Each recording is one
/// unit; when cancelled, the unit under way is finished and no new one begins.
/// </summary>
public sealed record ReconcileRecordingsCommand(Guid? AcademyId, TimeSpan StuckFor) : ICommand<ReconciliationReport>;

public sealed class ReconcileRecordingsHandler(
    IApplicationDbContext db,
    ISessionRecordingLock sessionLock,
    IEgressClient egress,
    ISender sender,
    TimeProvider clock,
    ILogger<ReconcileRecordingsHandler> logger) : ICommandHandler<ReconcileRecordingsCommand, ReconciliationReport>
{
    public async ValueTask<ReconciliationReport> Handle(ReconcileRecordingsCommand command, CancellationToken cancellationToken)
    {
        var pendingApplied = await ApplyWaitingEventsAsync(command.AcademyId, cancellationToken);

        var since = clock.GetUtcNow() - command.StuckFor;
        var stuck = await db.Recordings.AsNoTracking()
            .Where(r => command.AcademyId == null || r.AcademyId == command.AcademyId)
            .Where(r => (r.Status == RecordingStatus.Recording && r.StartedAt <= since)
                || (r.Status == RecordingStatus.Processing && (r.EndedAt ?? r.StartedAt) <= since))
            .OrderBy(r => r.StartedAt)
            .Select(r => new Candidate(r.Id, r.EgressId, r.Status))
            .ToListAsync(cancellationToken);

        var changed = new List<ReconciledRecording>();
        var unresolved = new List<ReconciledRecording>();
        var looked = 0;
        foreach (var candidate in stuck)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            looked++;
            var (outcome, resolved) = await ReconcileAsync(candidate, CancellationToken.None);
            var status = await db.Recordings.AsNoTracking()
                .Where(r => r.Id == candidate.Id).Select(r => r.Status).SingleAsync(CancellationToken.None);
            var result = new ReconciledRecording(candidate.Id, candidate.EgressId, candidate.Status, status, outcome);
            if (status != candidate.Status)
            {
                changed.Add(result);
                logger.LogInformation(
                    "Reconciled recording {RecordingId} (egress {EgressId}): {PreviousStatus} -> {Status}, {Outcome}",
                    candidate.Id, candidate.EgressId, result.PreviousStatus, result.Status, outcome);
            }
            else if (!resolved)
            {
                unresolved.Add(result);
            }
        }

        return new ReconciliationReport(looked, pendingApplied, changed, unresolved);
    }

    /// <summary>Events that arrived before their recording and are still waiting though it now exists.</summary>
    private async Task<int> ApplyWaitingEventsAsync(Guid? academyId, CancellationToken cancellationToken)
    {
        var egressIds = await db.PendingEgressEvents.AsNoTracking()
            .Where(p => p.AppliedAt == null)
            .Where(p => db.Recordings.Any(r => r.EgressId == p.EgressId && (academyId == null || r.AcademyId == academyId)))
            .Select(p => p.EgressId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var applied = 0;
        foreach (var egressId in egressIds)
        {
            applied += await sender.Send(new ApplyPendingEgressEvents.ApplyPendingEgressEventsCommand(egressId), cancellationToken);
        }

        return applied;
    }

    /// <returns>What was done, and whether the recording is now where LiveKit says it should be.</returns>
    private async Task<(string Outcome, bool Resolved)> ReconcileAsync(Candidate candidate, CancellationToken cancellationToken)
    {
        EgressInfo? info;
        try
        {
            info = (await egress.ListEgressAsync(new EgressListFilter(EgressId: candidate.EgressId), cancellationToken))
                .SingleOrDefault(e => e.EgressId == candidate.EgressId);
        }
        catch (EgressException exception) when (exception.TwirpCode == "not_found")
        {
            info = null;
        }
        catch (EgressException exception)
        {
            logger.LogWarning(exception, "Could not ask LiveKit about egress {EgressId}", candidate.EgressId);
            return ($"LiveKit could not be asked: {exception.Message}", false);
        }

        if (info is null)
        {
            await FailLostAsync(candidate.EgressId, cancellationToken);
            return ("LiveKit no longer knows the egress", true);
        }

        if (info.IsTerminal)
        {
            await sender.Send(new ProcessEgressEnded.ProcessEgressEndedCommand(info), cancellationToken);
            return ($"LiveKit reports {info.Status}", true);
        }

        if (info.Status == EgressStatus.Ending)
        {
            await sender.Send(new ProcessEgressUpdated.ProcessEgressUpdatedCommand(info), cancellationToken);
            return ("LiveKit is finishing the file", true);
        }

        if (candidate.Status == RecordingStatus.Processing)
        {
            // We marked it stopped but the egress still runs: the stop was lost (LiveKit was down). Ask again.
            try
            {
                await egress.StopIfRunningAsync(candidate.EgressId, cancellationToken);
                return ($"LiveKit still reported {info.Status}; asked it again to stop", true);
            }
            catch (EgressException exception)
            {
                return ($"LiveKit still reports {info.Status} and could not be stopped: {exception.Message}", false);
            }
        }

        return ($"LiveKit reports {info.Status}", true);
    }

    private async Task FailLostAsync(string egressId, CancellationToken cancellationToken)
    {
        await using var locked = await LockedRecording.FindByEgressAsync(db, sessionLock, egressId, eventId: null, cancellationToken);
        if (locked?.Recording is not { Status: RecordingStatus.Recording or RecordingStatus.Processing } recording)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var reason = string.Create(
            CultureInfo.InvariantCulture, $"LiveKit no longer knows egress {egressId} (it may have been lost in a LiveKit restart).");
        db.RecordingAuditEntries.Add(recording.Fail(reason, now));
        await locked.SaveAsync(cancellationToken);
        logger.LogWarning("Recording {RecordingId} failed: {Reason}", recording.Id, reason);
    }

    private sealed record Candidate(Guid Id, string EgressId, RecordingStatus Status);
}
