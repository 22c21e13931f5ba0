using System.Text;
using System.Text.RegularExpressions;

namespace ItqanRecording.Api.Tests.Support;

/// <summary>LiveKit's webhook fixtures, made specific to one test, and signed posts of them.</summary>
public static partial class LiveKitWebhooks
{
    public const string FixtureEgressId = "EG_k3Qm9TfXa2Lp";
    public const string FixtureRoomName = "itqan-interactive-7f3c2a10";
    public const string FixtureFilePath = "/recordings/interactive/2026/11/session-7f3c2a10-20261125_143025.mp4";

    /// <summary>The fixture with a fresh event id: LiveKit's ids are unique, and a repeated id is a resend.</summary>
    public static string Fixture(string name) =>
        FixtureEventId().Replace(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "livekit", name)),
            _ => NewEventId());

    public static string NewEventId() => $"EV_{Guid.NewGuid():N}";

    /// <summary>The fixture for <paramref name="egressId"/> in <paramref name="roomName"/>.</summary>
    public static string For(string fixture, string egressId, string? roomName = null) =>
        Fixture(fixture)
            .Replace(FixtureEgressId, egressId, StringComparison.Ordinal)
            .Replace(FixtureRoomName, roomName ?? FixtureRoomName, StringComparison.Ordinal);

    /// <summary>
    /// LiveKit's <c>egress_ended</c> (<paramref name="fixture"/>) for the egress, naming a file of its own that exists
    /// under the storage root, as the egress would have left it.
    /// </summary>
    public static string EgressEnded(ApiFixture api, string egressId, string fixture = "webhook.egress_ended.complete.json")
    {
        var relativePath = $"reliability/{Guid.NewGuid():N}.mp4";
        var file = Path.Combine(api.StorageRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, new byte[2048]);
        return For(fixture, egressId).Replace(FixtureFilePath, $"{ApiFixture.EgressPrefix}/{relativePath}", StringComparison.Ordinal);
    }

    /// <summary>A different event about the same thing: the body with a new id.</summary>
    public static string WithNewEventId(string body) => AnyEventId().Replace(body, _ => NewEventId(), 1);

    public static Task<HttpResponseMessage> PostSignedAsync(this HttpClient client, string body) =>
        client.PostWebhookAsync(body, WebhookSignatures.Sign(body, ApiFixture.ApiKey, ApiFixture.ApiSecret));

    public static async Task<HttpResponseMessage> PostWebhookAsync(this HttpClient client, string body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/livekit")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/webhook+json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }

    [GeneratedRegex("EV_fixture[0-9]+")]
    private static partial Regex FixtureEventId();

    [GeneratedRegex("EV_[A-Za-z0-9]+")]
    private static partial Regex AnyEventId();
}
