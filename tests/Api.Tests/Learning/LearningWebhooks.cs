using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Learning;

/// <summary>
/// What the learning tests send: LiveKit's <c>participant_joined</c>/<c>participant_left</c> for one connection, as the
/// fixture has them, and the player's heartbeats.
/// </summary>
public static class LearningWebhooks
{
    /// <summary>The player's heartbeat: it played the recording from <paramref name="from"/> to <paramref name="to"/> seconds.</summary>
    public static Task<HttpResponseMessage> Beat(HttpClient client, Guid recordingId, double from, double to) =>
        client.PostAsJsonAsync($"/api/recordings/{recordingId}/progress", new { fromSeconds = from, toSeconds = to });

    public static string Participant(
        string eventName, string roomName, string sid, string identity, DateTimeOffset joinedAt, DateTimeOffset at, string kind = "STANDARD") =>
        $$"""
        {"event":"{{eventName}}","room":{"sid":"RM_Yt7bQ2nR5sWc","name":"{{roomName}}"},
         "participant":{"sid":"{{sid}}","identity":"{{identity}}","state":"ACTIVE","joinedAt":"{{joinedAt.ToUnixTimeSeconds()}}",
          "name":"Name of {{identity}}","kind":"{{kind}}"},
         "id":"{{LiveKitWebhooks.NewEventId()}}","createdAt":"{{at.ToUnixTimeSeconds()}}"}
        """;
}
