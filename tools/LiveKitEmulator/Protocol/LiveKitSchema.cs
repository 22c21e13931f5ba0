namespace ItqanRecording.LiveKitEmulator.Protocol;

/// <summary>
/// The parts of LiveKit's protobuf schema (livekit_egress.proto, livekit_models.proto, livekit_webhook.proto)
/// that the emulator reads or writes. Field numbers and names are LiveKit's; output uses field-number order.
/// Fields listed as unsupported are known, so the strict reader can say so instead of calling them unknown.
/// </summary>
public static class LiveKitSchema
{
    // Declared first: static fields initialise in textual order and the descriptors below use it.
    private static readonly ProtoMessageType Opaque = new("livekit.Unsupported");

    public static readonly ProtoEnum EgressStatus = new(
        "livekit.EgressStatus",
        "EGRESS_STARTING", "EGRESS_ACTIVE", "EGRESS_ENDING", "EGRESS_COMPLETE", "EGRESS_FAILED", "EGRESS_ABORTED",
        "EGRESS_LIMIT_REACHED");

    public static readonly ProtoEnum EgressSourceType = new(
        "livekit.EgressSourceType", "EGRESS_SOURCE_TYPE_WEB", "EGRESS_SOURCE_TYPE_SDK");

    public static readonly ProtoEnum EncodedFileType = new("livekit.EncodedFileType", "DEFAULT_FILETYPE", "MP4", "OGG", "MP3");

    public static readonly ProtoEnum EncodingOptionsPreset = new(
        "livekit.EncodingOptionsPreset",
        "H264_720P_30", "H264_720P_60", "H264_1080P_30", "H264_1080P_60", "PORTRAIT_H264_720P_30",
        "PORTRAIT_H264_720P_60", "PORTRAIT_H264_1080P_30", "PORTRAIT_H264_1080P_60", "PASSTHROUGH");

    public static readonly ProtoEnum AudioMixing = new(
        "livekit.AudioMixing", "DEFAULT_MIXING", "DUAL_CHANNEL_AGENT", "DUAL_CHANNEL_ALTERNATE");

    public static readonly ProtoEnum AudioCodec = new("livekit.AudioCodec", "DEFAULT_AC", "OPUS", "AAC", "AC_MP3");

    public static readonly ProtoEnum VideoCodec = new(
        "livekit.VideoCodec", "DEFAULT_VC", "H264_BASELINE", "H264_MAIN", "H264_HIGH", "VP8");

    public static readonly ProtoMessageType EncodingOptions = new(
        "livekit.EncodingOptions",
        new(1, "width", FieldKind.Integer32),
        new(2, "height", FieldKind.Integer32),
        new(3, "depth", FieldKind.Integer32),
        new(4, "framerate", FieldKind.Integer32),
        new(5, "audio_codec", FieldKind.Enum) { Enum = AudioCodec },
        new(6, "audio_bitrate", FieldKind.Integer32),
        new(7, "audio_frequency", FieldKind.Integer32),
        new(8, "video_codec", FieldKind.Enum) { Enum = VideoCodec },
        new(9, "video_bitrate", FieldKind.Integer32),
        new(10, "key_frame_interval", FieldKind.Floating),
        new(11, "audio_quality", FieldKind.Integer32),
        new(12, "video_quality", FieldKind.Integer32));

    /// <summary>An upload target: with it the egress uploads the file (and its manifest) and <c>filepath</c> is the key.</summary>
    public static readonly ProtoMessageType S3Upload = new(
        "livekit.S3Upload",
        new(1, "access_key", FieldKind.Text),
        new(2, "secret", FieldKind.Text),
        new(3, "region", FieldKind.Text),
        new(4, "endpoint", FieldKind.Text),
        new(5, "bucket", FieldKind.Text),
        new(6, "force_path_style", FieldKind.Bool),
        UnsupportedList(7, "metadata"),
        new(8, "tagging", FieldKind.Text),
        new(9, "content_disposition", FieldKind.Text),
        new(10, "proxy", FieldKind.Message) { MessageType = Opaque, Unsupported = true },
        new(11, "session_token", FieldKind.Text),
        new(12, "assume_role_arn", FieldKind.Text) { Unsupported = true },
        new(13, "assume_role_external_id", FieldKind.Text) { Unsupported = true });

    public static readonly ProtoMessageType EncodedFileOutput = new(
        "livekit.EncodedFileOutput",
        new(1, "file_type", FieldKind.Enum) { Enum = EncodedFileType },
        new(2, "filepath", FieldKind.Text),
        new(3, "s3", FieldKind.Message) { MessageType = S3Upload, Oneof = "output" },
        Unsupported(4, "gcp", "output"),
        Unsupported(5, "azure", "output"),
        new(6, "disable_manifest", FieldKind.Bool),
        Unsupported(7, "aliOSS", "output"));

    public static readonly ProtoMessageType RoomCompositeEgressRequest = new(
        "livekit.RoomCompositeEgressRequest",
        new(1, "room_name", FieldKind.Text),
        new(2, "layout", FieldKind.Text),
        new(3, "audio_only", FieldKind.Bool),
        new(4, "video_only", FieldKind.Bool),
        new(5, "custom_base_url", FieldKind.Text),
        new(6, "file", FieldKind.Message) { MessageType = EncodedFileOutput, Oneof = "output" },
        Unsupported(7, "stream", "output"),
        new(8, "preset", FieldKind.Enum) { Enum = EncodingOptionsPreset, Oneof = "options" },
        new(9, "advanced", FieldKind.Message) { MessageType = EncodingOptions, Oneof = "options" },
        Unsupported(10, "segments", "output"),
        new(11, "file_outputs", FieldKind.Message) { MessageType = EncodedFileOutput, Repeated = true },
        UnsupportedList(12, "stream_outputs"),
        UnsupportedList(13, "segment_outputs"),
        UnsupportedList(14, "image_outputs"),
        new(15, "audio_mixing", FieldKind.Enum) { Enum = AudioMixing },
        UnsupportedList(16, "webhooks"));

    public static readonly ProtoMessageType StopEgressRequest = new(
        "livekit.StopEgressRequest",
        new ProtoField(1, "egress_id", FieldKind.Text));

    public static readonly ProtoMessageType TokenPagination = new(
        "livekit.TokenPagination",
        new ProtoField(1, "token", FieldKind.Text));

    public static readonly ProtoMessageType ListEgressRequest = new(
        "livekit.ListEgressRequest",
        new(1, "room_name", FieldKind.Text),
        new(2, "egress_id", FieldKind.Text),
        new(3, "active", FieldKind.Bool),
        new(4, "page_token", FieldKind.Message) { MessageType = TokenPagination });

    public static readonly ProtoMessageType FileInfo = new(
        "livekit.FileInfo",
        new(1, "filename", FieldKind.Text),
        new(2, "started_at", FieldKind.Integer64),
        new(3, "ended_at", FieldKind.Integer64),
        new(4, "size", FieldKind.Integer64),
        new(5, "location", FieldKind.Text),
        new(6, "duration", FieldKind.Integer64));

    public static readonly ProtoMessageType EgressInfo = new(
        "livekit.EgressInfo",
        new(1, "egress_id", FieldKind.Text),
        new(2, "room_id", FieldKind.Text),
        new(3, "status", FieldKind.Enum) { Enum = EgressStatus },
        new(4, "room_composite", FieldKind.Message) { MessageType = RoomCompositeEgressRequest, Oneof = "request" },
        new(8, "file", FieldKind.Message) { MessageType = FileInfo, Oneof = "result" },
        new(9, "error", FieldKind.Text),
        new(10, "started_at", FieldKind.Integer64),
        new(11, "ended_at", FieldKind.Integer64),
        new(13, "room_name", FieldKind.Text),
        UnsupportedList(15, "stream_results"),
        new(16, "file_results", FieldKind.Message) { MessageType = FileInfo, Repeated = true },
        UnsupportedList(17, "segment_results"),
        new(18, "updated_at", FieldKind.Integer64),
        UnsupportedList(20, "image_results"),
        new(21, "details", FieldKind.Text),
        new(22, "error_code", FieldKind.Integer32),
        new(23, "manifest_location", FieldKind.Text),
        new(25, "backup_storage_used", FieldKind.Bool),
        new(26, "source_type", FieldKind.Enum) { Enum = EgressSourceType },
        new(27, "retry_count", FieldKind.Integer32));

    public static readonly ProtoMessageType ListEgressResponse = new(
        "livekit.ListEgressResponse",
        new(1, "items", FieldKind.Message) { MessageType = EgressInfo, Repeated = true },
        new(2, "next_page_token", FieldKind.Message) { MessageType = TokenPagination });

    /// <summary>The <c>Room</c> fields the emulator fills in webhooks.</summary>
    public static readonly ProtoMessageType Room = new(
        "livekit.Room",
        new(1, "sid", FieldKind.Text),
        new(2, "name", FieldKind.Text),
        new(5, "creation_time", FieldKind.Integer64),
        new(15, "creation_time_ms", FieldKind.Integer64));

    public static readonly ProtoEnum ParticipantState = new(
        "livekit.ParticipantInfo.State", "JOINING", "JOINED", "ACTIVE", "DISCONNECTED");

    public static readonly ProtoEnum ParticipantKind = new(
        "livekit.ParticipantInfo.Kind", "STANDARD", "INGRESS", "EGRESS", "SIP", "AGENT");

    /// <summary>The <c>ParticipantInfo</c> fields the emulator fills in <c>participant_*</c> webhooks.</summary>
    public static readonly ProtoMessageType ParticipantInfo = new(
        "livekit.ParticipantInfo",
        new(1, "sid", FieldKind.Text),
        new(2, "identity", FieldKind.Text),
        new(3, "state", FieldKind.Enum) { Enum = ParticipantState },
        new(6, "joined_at", FieldKind.Integer64),
        new(9, "name", FieldKind.Text),
        new(14, "kind", FieldKind.Enum) { Enum = ParticipantKind },
        new(17, "joined_at_ms", FieldKind.Integer64));

    public static readonly ProtoMessageType WebhookEvent = new(
        "livekit.WebhookEvent",
        new(1, "event", FieldKind.Text),
        new(2, "room", FieldKind.Message) { MessageType = Room },
        new(3, "participant", FieldKind.Message) { MessageType = ParticipantInfo },
        new(6, "id", FieldKind.Text),
        new(7, "created_at", FieldKind.Integer64),
        new(9, "egress_info", FieldKind.Message) { MessageType = EgressInfo });

    private static ProtoField Unsupported(int number, string name, string oneof) =>
        new(number, name, FieldKind.Message) { MessageType = Opaque, Oneof = oneof, Unsupported = true };

    private static ProtoField UnsupportedList(int number, string name) =>
        new(number, name, FieldKind.Message) { MessageType = Opaque, Repeated = true, Unsupported = true };
}
