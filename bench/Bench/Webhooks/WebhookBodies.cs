using System.Globalization;

namespace ItqanRecording.Bench.Webhooks;

/// <summary>
/// Webhook bodies in LiveKit's wire shape (shared/fixtures/livekit): one compact line, lowerCamelCase, defaults left
/// out, int64 as strings, timestamps in nanoseconds inside egressInfo and seconds for <c>createdAt</c>.
/// </summary>
public static class WebhookBodies
{
    /// <summary>
    /// A <c>track_published</c> as a busy room sends it (room with codecs and metadata, a participant with
    /// permissions, metadata and attributes, the track): about 1.6 KB, which the service verifies and then ignores.
    /// (Participants' joins and leaves are attendance now, no longer ignored.)
    /// </summary>
    public static string TrackPublished(int n, long createdAtSeconds)
    {
        var room = $"itqan-interactive-{n % 100_000:x8}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"event":"track_published","room":{"sid":"RM_{{{n:x12}}}","name":"{{{room}}}","emptyTimeout":300,"departureTimeout":20,"maxParticipants":100,"creationTime":"{{{createdAtSeconds - 600}}}","creationTimeMs":"{{{(createdAtSeconds - 600) * 1000}}}","turnPassword":"tP4k9wQz7LmN2xVb","enabledCodecs":[{"mime":"audio/opus"},{"mime":"audio/red"},{"mime":"video/VP8"},{"mime":"video/H264"},{"mime":"video/VP9"},{"mime":"video/AV1"}],"metadata":"{\"academyId\":\"0b6f3c1e-2a4d-4e8f-9a10-000000000001\",\"sessionKind\":\"interactive\",\"courseTitle\":\"Tajweed Foundations\",\"sessionNumber\":12,\"teacher\":\"Ustadh Yusuf\"}","numParticipants":14,"numPublishers":2,"activeRecording":true,"version":{"unixMicro":"{{{createdAtSeconds * 1_000_000}}}","ticks":3}},"participant":{"sid":"PA_{{{n:x10}}}","identity":"student-{{{n}}}","state":"ACTIVE","joinedAt":"{{{createdAtSeconds}}}","joinedAtMs":"{{{createdAtSeconds * 1000}}}","name":"Student {{{n}}} of the Tajweed Foundations course","version":2,"permission":{"canSubscribe":true,"canPublish":true,"canPublishData":true,"canPublishSources":["CAMERA","MICROPHONE"],"canUpdateMetadata":false},"region":"eu-central","kind":"STANDARD","metadata":"{\"userId\":\"4f1c2b7e-9d3a-4c55-8e21-{{{n:x12}}}\",\"role\":\"student\",\"displayName\":\"Student {{{n}}}\",\"locale\":\"ar\",\"avatar\":\"https://cdn.example.invalid/avatars/{{{n}}}.png\"}","attributes":{"academy":"itqan-demo","role":"student","handRaised":"false","device":"web","browser":"Chromium 141 on Linux x86_64","network":"wifi"}},"track":{"sid":"TR_{{{n:x10}}}","type":"AUDIO","source":"MICROPHONE","mimeType":"audio/red","stream":"camera"},"id":"EV_pj{{{n:x10}}}","createdAt":"{{{createdAtSeconds}}}"}""");
    }

    /// <summary>An <c>egress_ended</c> with <c>EGRESS_COMPLETE</c> and one file result, like the fixture.</summary>
    public static string EgressEnded(string eventId, string egressId, string roomName, string filePath, long sizeBytes, long createdAtSeconds)
    {
        var endedNs = createdAtSeconds * 1_000_000_000;
        var startedNs = endedNs - 1_800_000_000_000;
        return string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"event":"egress_ended","room":{"sid":"RM_{{{roomName[^8..]}}}","name":"{{{roomName}}}"},"id":"{{{eventId}}}","createdAt":"{{{createdAtSeconds}}}","egressInfo":{"egressId":"{{{egressId}}}","roomId":"RM_{{{roomName[^8..]}}}","status":"EGRESS_COMPLETE","roomComposite":{"roomName":"{{{roomName}}}","layout":"grid","preset":"H264_720P_30","fileOutputs":[{"fileType":"MP4","filepath":"{{{filePath}}}"}]},"file":{"filename":"{{{filePath}}}","startedAt":"{{{startedNs}}}","endedAt":"{{{endedNs}}}","size":"{{{sizeBytes}}}","location":"{{{filePath}}}","duration":"1800000000000"},"startedAt":"{{{startedNs}}}","endedAt":"{{{endedNs}}}","roomName":"{{{roomName}}}","fileResults":[{"filename":"{{{filePath}}}","startedAt":"{{{startedNs}}}","endedAt":"{{{endedNs}}}","size":"{{{sizeBytes}}}","location":"{{{filePath}}}","duration":"1800000000000"}],"updatedAt":"{{{endedNs}}}"}}""");
    }
}
