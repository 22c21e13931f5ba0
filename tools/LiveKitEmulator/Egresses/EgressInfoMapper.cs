using ItqanRecording.LiveKitEmulator.Protocol;

namespace ItqanRecording.LiveKitEmulator.Egresses;

/// <summary>Builds LiveKit's <c>EgressInfo</c> message from a snapshot; times become Unix nanoseconds.</summary>
public static class EgressInfoMapper
{
    public static ProtoMessage ToProto(EgressSnapshot egress)
    {
        var file = ToProto(egress.File);
        return new ProtoMessage(LiveKitSchema.EgressInfo)
            .Set("egress_id", egress.EgressId)
            .Set("room_id", egress.Room.Sid)
            .Set("status", (int)egress.Status)
            .Set("room_composite", egress.Request)
            .Set("file", file)
            .Set("error", egress.Error)
            .Set("started_at", Nanoseconds(egress.StartedAt))
            .Set("ended_at", Nanoseconds(egress.EndedAt))
            .Set("room_name", egress.Room.Name)
            .Set("file_results", new object[] { file })
            .Set("updated_at", Nanoseconds(egress.UpdatedAt))
            .Set("details", egress.Details)
            .Set("error_code", egress.ErrorCode)
            .Set("manifest_location", egress.ManifestLocation)
            .Set("source_type", egress.SdkSource ? 1 : 0);
    }

    public static long Nanoseconds(DateTimeOffset? time) =>
        time is { } t ? (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100 : 0;

    private static ProtoMessage ToProto(FileResult file) =>
        new ProtoMessage(LiveKitSchema.FileInfo)
            .Set("filename", file.Filename)
            .Set("started_at", Nanoseconds(file.StartedAt))
            .Set("ended_at", Nanoseconds(file.EndedAt))
            .Set("size", file.Size)
            .Set("location", file.Location)
            .Set("duration", file.Duration.Ticks * 100);
}
