using System.Text.Json;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.EgressEvents.ReceiveLiveKitWebhook;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.EgressEvents.ApplyPendingEgressEvents;

/// <summary>
/// Applies the egress events that waited for this egress's recording, oldest first, through the same use cases
/// a webhook uses; each is applied at most once (by its event id). Answers how many were applied.
/// </summary>
public sealed record ApplyPendingEgressEventsCommand(string EgressId) : ICommand<int>;

public sealed class ApplyPendingEgressEventsHandler(
    IApplicationDbContext db,
    ISender sender,
    TimeProvider clock,
    ILogger<ApplyPendingEgressEventsHandler> logger) : ICommandHandler<ApplyPendingEgressEventsCommand, int>
{
    public async ValueTask<int> Handle(ApplyPendingEgressEventsCommand command, CancellationToken cancellationToken)
    {
        // Usually nothing waits (every start asks): one query then, and the recording is looked for only when needed.
        var waiting = await db.PendingEgressEvents
            .Where(p => p.EgressId == command.EgressId && p.AppliedAt == null)
            .OrderBy(p => p.ReceivedAt)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0 || !await db.Recordings.AnyAsync(r => r.EgressId == command.EgressId, cancellationToken))
        {
            return 0;
        }

        foreach (var pending in waiting)
        {
            if (ToCommand(pending) is { } apply)
            {
                var result = await sender.Send(apply, cancellationToken);
                if (!result.IsSuccess)
                {
                    logger.LogWarning("Pending event {EventId} of egress {EgressId} was refused: {Error}", pending.EventId, pending.EgressId, result.Error);
                    continue;
                }
            }

            // Usually marked already, in the transaction that applied it; not when it changed nothing.
            pending.MarkApplied(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        if (waiting.Count > 0)
        {
            logger.LogInformation("Applied {Count} waiting event(s) of egress {EgressId}", waiting.Count, command.EgressId);
        }

        return waiting.Count;
    }

    private ICommand<Result<Success>>? ToCommand(PendingEgressEvent pending)
    {
        EgressInfo egress;
        try
        {
            egress = EgressInfoJson.Deserialize(pending.EgressJson);
        }
        catch (JsonException exception)
        {
            logger.LogError(exception, "Pending event {EventId} cannot be read and is dropped", pending.EventId);
            return null;
        }

        return LiveKitWebhookCommands.ForEgressEvent(pending.EventName, egress, pending.EventId);
    }
}
