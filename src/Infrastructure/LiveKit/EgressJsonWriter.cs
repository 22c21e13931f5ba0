using System.Buffers;
using System.Text.Json;
using ItqanRecording.Application.Common.Egress;

namespace ItqanRecording.Infrastructure.LiveKit;

/// <summary>
/// Writes Egress request bodies the way the Node SDK does: lowerCamelCase proto3 JSON with default values
/// (empty strings, <c>false</c>, enum 0) left out.
/// </summary>
public static class EgressJsonWriter
{
    public static byte[] StartRoomCompositeEgress(RoomCompositeEgressRequest request) => Write(writer =>
    {
        WriteNonEmpty(writer, "roomName", request.RoomName);
        WriteNonEmpty(writer, "layout", request.Layout);
        WriteNonEmpty(writer, "preset", request.Preset);
        if (request.AudioOnly)
        {
            writer.WriteBoolean("audioOnly", true);
        }

        // Only `fileOutputs`: the deprecated `file` field the Node SDK sometimes adds as well is not needed.
        writer.WriteStartArray("fileOutputs");
        writer.WriteStartObject();
        if (request.FileType != EgressFileType.DefaultFileType)
        {
            writer.WriteString("fileType", FileTypeName(request.FileType));
        }

        WriteNonEmpty(writer, "filepath", request.Destination.FilePath);
        if (request.Destination.Upload is { } upload)
        {
            writer.WriteStartObject("s3");
            WriteNonEmpty(writer, "accessKey", upload.AccessKey);
            WriteNonEmpty(writer, "secret", upload.Secret);
            WriteNonEmpty(writer, "region", upload.Region);
            WriteNonEmpty(writer, "endpoint", upload.Endpoint);
            WriteNonEmpty(writer, "bucket", upload.Bucket);
            if (upload.ForcePathStyle)
            {
                writer.WriteBoolean("forcePathStyle", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    });

    public static byte[] StopEgress(string egressId) => Write(writer => WriteNonEmpty(writer, "egressId", egressId));

    public static byte[] ListEgress(EgressListFilter filter, string pageToken) => Write(writer =>
    {
        WriteNonEmpty(writer, "roomName", filter.RoomName);
        WriteNonEmpty(writer, "egressId", filter.EgressId);
        if (filter.ActiveOnly)
        {
            writer.WriteBoolean("active", true);
        }

        if (pageToken.Length > 0)
        {
            writer.WriteStartObject("pageToken");
            writer.WriteString("token", pageToken);
            writer.WriteEndObject();
        }
    });

    private static byte[] Write(Action<Utf8JsonWriter> writeFields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeFields(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNonEmpty(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static string FileTypeName(EgressFileType fileType) => fileType switch
    {
        EgressFileType.Mp4 => "MP4",
        EgressFileType.Ogg => "OGG",
        _ => throw new ArgumentOutOfRangeException(nameof(fileType), fileType, "Not a file type LiveKit knows."),
    };
}
