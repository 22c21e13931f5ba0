using System.Text.Json;
using ItqanRecording.Domain.Recordings;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

/// <summary>
/// A recording's parts as the <c>parts</c> jsonb column holds them: an array of plain objects (number, egress, the
/// file's path, size, format and store, the length in milliseconds), <c>[]</c> for a recording of one file. The
/// aggregate replaces the list when it changes, so comparing the parts in order finds every change.
/// </summary>
public static class StoredRecordingParts
{
    public static readonly ValueConverter<IReadOnlyList<RecordingPart>, string> Converter = new(
        parts => Write(parts),
        json => Read(json));

    public static readonly ValueComparer<IReadOnlyList<RecordingPart>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        parts => parts.Count,
        parts => parts);

    private static string Write(IReadOnlyList<RecordingPart> parts) =>
        JsonSerializer.Serialize(
            parts.Select(p => new StoredPart(
                p.Number,
                p.EgressId,
                p.File.RelativePath,
                p.File.SizeBytes,
                StoredEnumName.Of(p.File.Format),
                StoredEnumName.Of(p.File.Store),
                (long)p.Duration.TotalMilliseconds)),
            JsonSerializerOptions.Web);

    private static IReadOnlyList<RecordingPart> Read(string json) =>
        [
            .. (JsonSerializer.Deserialize<StoredPart[]>(json, JsonSerializerOptions.Web) ?? []).Select(p => new RecordingPart(
                p.Number,
                p.EgressId,
                new RecordingFile(p.Path, p.SizeBytes, Enum.Parse<RecordingFormat>(p.Format, true), Enum.Parse<StorageProvider>(p.Store, true)),
                TimeSpan.FromMilliseconds(p.DurationMs))),
        ];

    private sealed record StoredPart(int Number, string EgressId, string Path, long SizeBytes, string Format, string Store, long DurationMs);
}
