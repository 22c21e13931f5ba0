using System.Text.Json;
using System.Text.Json.Nodes;

namespace ItqanRecording.Infrastructure.Tests.LiveKit;

/// <summary>The LiveKit payloads copied from the shared fixtures into this project's output.</summary>
internal static class LiveKitFixtures
{
    public const string ApiKey = "APIfixtureKey01";
    public const string ApiSecret = "fixture-secret-0123456789abcdef0123456789abcdef";

    /// <summary>A moment inside the nbf/exp window of the signed vectors (their createdAt).</summary>
    public static readonly DateTimeOffset SignedVectorsTime = DateTimeOffset.FromUnixTimeSeconds(1795620628);

    public static readonly string[] WebhookFiles =
    [
        "webhook.egress_started.json",
        "webhook.egress_updated.active.json",
        "webhook.egress_updated.ending.json",
        "webhook.egress_ended.complete.json",
        "webhook.egress_ended.limit_reached.json",
        "webhook.egress_ended.failed.json",
        "webhook.participant_joined.json",
        "webhook.room_finished.json",
    ];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "livekit", name));

    public static JsonNode Node(string name) => JsonNode.Parse(Bytes(name))!;

    public static IReadOnlyList<SignedWebhook> SignedWebhooks()
    {
        using var document = JsonDocument.Parse(Bytes("signed-webhooks.json"));
        return document.RootElement.GetProperty("vectors").EnumerateArray()
            .Select(v => new SignedWebhook(
                v.GetProperty("name").GetString()!,
                v.GetProperty("apiKey").GetString()!,
                v.GetProperty("apiSecret").GetString()!,
                v.GetProperty("authorization").GetString()!,
                v.GetProperty("body").GetString()!))
            .ToList();
    }
}

internal sealed record SignedWebhook(string Name, string ApiKey, string ApiSecret, string Authorization, string Body);
