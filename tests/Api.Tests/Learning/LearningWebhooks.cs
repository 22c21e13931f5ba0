using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Learning;

/// <summary>LiveKit's <c>participant_joined</c>/<c>participant_left</c> for one connection, as the fixture has them.</summary>
public static class LearningWebhooks
{
    public static string Participant(
        string eventName, string roomName, string sid, string identity, DateTimeOffset joinedAt, DateTimeOffset at, string kind = "STANDARD") =>
        $$"""
        {"event":"{{eventName}}","room":{"sid":"RM_Yt7bQ2nR5sWc","name":"{{roomName}}"},
         "participant":{"sid":"{{sid}}","identity":"{{identity}}","state":"ACTIVE","joinedAt":"{{joinedAt.ToUnixTimeSeconds()}}",
          "name":"Name of {{identity}}","kind":"{{kind}}"},
         "id":"{{LiveKitWebhooks.NewEventId()}}","createdAt":"{{at.ToUnixTimeSeconds()}}"}
        """;
}
