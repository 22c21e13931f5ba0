namespace ItqanRecording.Application.Common.Egress;

/// <summary>Verifies a LiveKit webhook against its raw body and parses it.</summary>
public interface ILiveKitWebhookReceiver
{
    /// <summary>
    /// Throws <see cref="WebhookSignatureException"/> when the Authorization token or body hash does not verify,
    /// and <see cref="WebhookPayloadException"/> when a verified body is not a valid webhook event.
    /// </summary>
    LiveKitWebhookEvent Receive(string? authorization, ReadOnlyMemory<byte> body);
}

public sealed class WebhookSignatureException(string message, Exception? innerException = null)
    : Exception(message, innerException);

public sealed class WebhookPayloadException(string message, Exception? innerException = null)
    : Exception(message, innerException);
