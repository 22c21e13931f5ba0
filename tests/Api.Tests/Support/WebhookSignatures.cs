using System.Text;
using ItqanRecording.LiveKitWebhookSigning;

namespace ItqanRecording.Api.Tests.Support;

/// <summary>The tests' short way to sign a webhook body with the shared <see cref="LiveKitWebhookSigner"/>.</summary>
public static class WebhookSignatures
{
    public static string Sign(string body, string apiKey, string apiSecret, DateTime? issuedAt = null, TimeSpan? lifetime = null) =>
        Sign(Encoding.UTF8.GetBytes(body), apiKey, apiSecret, issuedAt, lifetime);

    /// <summary>Signs exact bytes, which need not be valid UTF-8.</summary>
    public static string Sign(byte[] body, string apiKey, string apiSecret, DateTime? issuedAt = null, TimeSpan? lifetime = null) =>
        new LiveKitWebhookSigner(apiKey, apiSecret).Sign(body, issuedAt ?? DateTime.UtcNow, lifetime);
}
