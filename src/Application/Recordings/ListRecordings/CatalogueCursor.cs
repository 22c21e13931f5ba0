using System.Buffers.Binary;
using System.Buffers.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

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

/// <summary>Keyset pages of recordings, newest first (start, then id, both descending), as the catalogue and My recordings show them.</summary>
public static class CataloguePages
{
    /// <summary>
    /// The page of at most <paramref name="limit"/> after <paramref name="cursor"/> (none: the first), and the cursor of
    /// the next page, null on the last. One row more than the page tells whether another follows.
    /// </summary>
    public static async Task<(List<RecordingRow> Rows, string? NextCursor)> PageAsync(
        this IQueryable<Domain.Recordings.Recording> recordings, string? cursor, int limit, CancellationToken cancellationToken)
    {
        if (CatalogueCursor.TryDecode(cursor, out var after))
        {
            // The first conjunct alone bounds the (academy_id, started_at, id) index scan; the second breaks ties.
            recordings = recordings.Where(r => r.StartedAt <= after.StartedAt
                && (r.StartedAt < after.StartedAt || r.Id.CompareTo(after.Id) < 0));
        }

        var rows = await recordings
            .OrderByDescending(r => r.StartedAt)
            .ThenByDescending(r => r.Id)
            .Take(limit + 1)
            .Select(RecordingRow.Columns)
            .ToListAsync(cancellationToken);
        var next = rows.Count > limit ? new CatalogueCursor(rows[limit - 1].StartedAt, rows[limit - 1].Id).Encode() : null;
        return (rows.Take(limit).ToList(), next);
    }

    /// <summary>A cursor parameter is absent or one this API gave out.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeCatalogueCursor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(cursor => cursor is null || CatalogueCursor.TryDecode(cursor, out _))
            .WithMessage("The cursor is not one this API gave out; start again from the first page.");
}
