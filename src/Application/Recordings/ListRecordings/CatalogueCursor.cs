using System.Buffers.Binary;
using System.Buffers.Text;

namespace ItqanRecording.Application.Recordings.ListRecordings;

/// <summary>
/// Where a catalogue page ended: the start and id of its last recording, sent to clients as opaque base64url text.
/// The next page holds what sorts after it (older, or as old with a smaller id), so new recordings never shift it.
/// </summary>
public readonly record struct CatalogueCursor(DateTimeOffset StartedAt, Guid Id)
{
    private const int ByteLength = sizeof(long) + 16;
    private const int TextLength = 32;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        BinaryPrimitives.WriteInt64BigEndian(bytes, StartedAt.UtcTicks);
        Id.TryWriteBytes(bytes[sizeof(long)..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>False for null and for any text this API did not give out.</summary>
    public static bool TryDecode(string? text, out CatalogueCursor cursor)
    {
        cursor = default;
        Span<byte> bytes = stackalloc byte[ByteLength];
        if (text is not { Length: TextLength }
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written)
            || written != ByteLength)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new CatalogueCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[sizeof(long)..], bigEndian: true));
        return true;
    }
}
