using System.Globalization;
using System.Net.Http.Headers;
using ItqanRecording.LiveKitEmulator.Faults;
using ItqanRecording.LiveKitWebhookSigning;
using Microsoft.Extensions.Options;

namespace ItqanRecording.LiveKitEmulator.Webhooks;

/// <summary>
/// Delivers one webhook like LiveKit's notifier (go-retryablehttp defaults): retry on a connection error, 429 or
/// a 5xx other than 501, with exponential backoff capped at 30 s; any other non-2xx is final.
/// </summary>
public sealed class WebhookSender(
    IHttpClientFactory httpClients,
    LiveKitWebhookSigner signer,
    FaultState faults,
    IOptions<EmulatorOptions> options,
    TimeProvider time,
    ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly MediaTypeHeaderValue ContentType = new("application/webhook+json");

    public bool IsConfigured => options.Value.WebhookUrl.Length > 0;

    public async Task SendAsync(WebhookEnvelope envelope, CancellationToken cancellationToken)
    {
        var current = faults.Current;
        if (current.WebhookDelayMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(current.WebhookDelayMs), time, cancellationToken);
        }

        var token = signer.Sign(envelope.Body, time.GetUtcNow().UtcDateTime);
        var copies = Enumerable.Range(0, 1 + current.DuplicateWebhooks)
            .Select(copy => DeliverAsync(envelope, token, copy, cancellationToken));
        await Task.WhenAll(copies);
    }

    private async Task DeliverAsync(WebhookEnvelope envelope, string token, int copy, CancellationToken cancellationToken)
    {
        var retryMax = options.Value.WebhookRetryMax;
        for (var attempt = 0; ; attempt++)
        {
            var (status, failure) = await PostAsync(envelope.Body, token, cancellationToken);
            var outcome = status?.ToString(CultureInfo.InvariantCulture) ?? failure;
            if (status is >= 200 and < 300)
            {
                logger.LogInformation("Webhook {Event} {EventId} delivered (copy {Copy}, attempt {Attempt}): {Status}",
                    envelope.Event, envelope.EventId, copy, attempt + 1, status);
                return;
            }

            var retryable = status is null or 429 or (>= 500 and not 501);
            if (!retryable || attempt >= retryMax)
            {
                logger.LogWarning("Webhook {Event} {EventId} abandoned (copy {Copy}) after {Attempts} attempts: {Outcome}",
                    envelope.Event, envelope.EventId, copy, attempt + 1, outcome);
                return;
            }

            var backoff = Backoff(attempt);
            logger.LogInformation("Webhook {Event} {EventId} failed ({Outcome}); retrying in {Backoff}",
                envelope.Event, envelope.EventId, outcome, backoff);
            await Task.Delay(backoff, time, cancellationToken);
        }
    }

    private async Task<(int? Status, string? Failure)> PostAsync(byte[] body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.WebhookUrl);
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = ContentType } };
        request.Headers.TryAddWithoutValidation("Authorization", token);
        request.Headers.TryAddWithoutValidation("User-Agent", "LiveKit");
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, null);
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"timeout: {e.Message}");
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var backoff = TimeSpan.FromMilliseconds(options.Value.WebhookRetryBaseDelayMs * Math.Pow(2, attempt));
        return backoff < MaxBackoff ? backoff : MaxBackoff;
    }
}
