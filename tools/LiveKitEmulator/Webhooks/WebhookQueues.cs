using System.Threading.Channels;

namespace ItqanRecording.LiveKitEmulator.Webhooks;

/// <summary>
/// LiveKit's resource queues: one queue and one worker per key, at most 200 waiting events, and an event that
/// waited more than 30 s is dropped. Different keys are not ordered against each other.
/// </summary>
public sealed class WebhookQueues(WebhookSender sender, TimeProvider time, ILogger<WebhookQueues> logger) : IDisposable
{
    private const int MaxDepth = 200;
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _sync = new();
    private readonly Dictionary<string, Channel<WebhookEnvelope>> _queues = new(StringComparer.Ordinal);
    private CancellationTokenSource _stopping = new();

    public void Enqueue(WebhookEnvelope envelope)
    {
        if (!sender.IsConfigured)
        {
            logger.LogInformation("Webhook {Event} {EventId} not sent: no Emulator:WebhookUrl", envelope.Event, envelope.EventId);
            return;
        }

        lock (_sync)
        {
            if (!_queues.TryGetValue(envelope.QueueKey, out var queue))
            {
                queue = Channel.CreateBounded<WebhookEnvelope>(new BoundedChannelOptions(MaxDepth) { SingleReader = true });
                _queues[envelope.QueueKey] = queue;
                _ = DrainAsync(queue.Reader, _stopping.Token);
            }

            if (!queue.Writer.TryWrite(envelope))
            {
                logger.LogWarning("Webhook {Event} {EventId} dropped: queue {QueueKey} is full", envelope.Event, envelope.EventId, envelope.QueueKey);
            }
        }
    }

    /// <summary>Forgets every queued event and stops the workers; events being sent are cancelled.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _stopping.Cancel();
            _stopping.Dispose();
            _stopping = new CancellationTokenSource();
            foreach (var queue in _queues.Values)
            {
                queue.Writer.TryComplete();
            }

            _queues.Clear();
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task DrainAsync(ChannelReader<WebhookEnvelope> reader, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var envelope in reader.ReadAllAsync(cancellationToken))
            {
                if (time.GetUtcNow() - envelope.QueuedAt > MaxAge)
                {
                    logger.LogWarning("Webhook {Event} {EventId} dropped: waited more than {MaxAge} in its queue",
                        envelope.Event, envelope.EventId, MaxAge);
                    continue;
                }

                await sender.SendAsync(envelope, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Webhook queue stopped");
        }
    }
}
