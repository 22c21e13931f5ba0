using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Application.Recordings;

public sealed record RecordingFileResponse(string Name, long SizeBytes, RecordingFormat Format);

/// <summary>
/// One part of a recording LiveKit cut at its time limit, with signed links to play and to save it alone (the
/// recording's links with <c>part=N</c>).
/// </summary>
public sealed record RecordingPartResponse(int Number, double DurationSeconds, long SizeBytes, string? StreamUrl, string? DownloadUrl)
{
    public static RecordingPartResponse From(RecordingPart part, RecordingFileLinks? links)
    {
        ArgumentNullException.ThrowIfNull(part);
        var query = string.Create(CultureInfo.InvariantCulture, $"&{RecordingLink.PartParameter}={part.Number}");
        return new RecordingPartResponse(
            part.Number, part.Duration.TotalSeconds, part.File.SizeBytes, links?.Stream.Url + query, links?.Download.Url + query);
    }
}

/// <summary>
/// A recording as the API shows it. <see cref="StreamUrl"/> and <see cref="DownloadUrl"/> are signed links to the
/// file of a completed recording for the user it is shown to, valid until <see cref="LinksExpireAt"/>; null
/// otherwise. <see cref="ProgressUrl"/>, as long-lived, is where that user's player posts its heartbeats without its
/// sign-in (the signed-in POST …/progress takes them too). <see cref="Metadata"/> is the JSON object stored with the
/// recording, passed through as it is.
/// <see cref="PosterState"/> is where its poster job stands (a video's still, an audio recording's waveform; null
/// without a job) and <see cref="PosterUrl"/> a signed link to the poster once it is made; <see cref="AacState"/> and
/// <see cref="AacUrl"/> the same for an audio recording's AAC copy, <see cref="PreviewsState"/> and
/// <see cref="PreviewsUrl"/> for a video's seek previews (the link is to their WebVTT thumbnails track), and
/// <see cref="HlsState"/> and <see cref="HlsUrl"/> for its HLS packaging (the link is to its media playlist).
/// A recording LiveKit cut at its time limit while the class went on has <see cref="Parts"/> (else none); its file is
/// the parts joined into one, there once <see cref="JoinState"/> is done, and until then the parts play one after the
/// other. <see cref="Publication"/> says whether its students see it (teachers and admins see every recording). A
/// deleted recording was deleted at <see cref="DeletedAt"/> and waits in the trash, restorable, until its files are
/// removed (<see cref="FilesRemovedAt"/>).
/// </summary>
public sealed record RecordingResponse(
    Guid Id,
    Guid SessionId,
    SessionKind SessionKind,
    string EgressId,
    string RoomName,
    RecordingStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? CompletedAt,
    double? DurationSeconds,
    string? FormattedDuration,
    RecordingFileResponse? File,
    string? FormattedFileSize,
    string DisplayName,
    string? Error,
    StoredJson Metadata,
    string? StreamUrl,
    string? DownloadUrl,
    string? ProgressUrl,
    DateTimeOffset? LinksExpireAt,
    MediaJobState? PosterState,
    string? PosterUrl,
    MediaJobState? AacState,
    string? AacUrl,
    MediaJobState? PreviewsState,
    string? PreviewsUrl,
    MediaJobState? HlsState,
    string? HlsUrl,
    IReadOnlyList<RecordingPartResponse> Parts,
    MediaJobState? JoinState,
    RecordingPublication Publication,
    DateTimeOffset? DeletedAt,
    DateTimeOffset? FilesRemovedAt)
{
    /// <summary>The recording with the links to its file, if any; <see cref="RecordingResponseFactory"/> shows it to a user.</summary>
    public static RecordingResponse From(RecordingRow recording, RecordingFileLinks? links)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return new RecordingResponse(
            recording.Id,
            recording.SessionId,
            recording.SessionKind,
            recording.EgressId,
            recording.RoomName,
            recording.Status,
            recording.StartedAt,
            recording.EndedAt,
            recording.CompletedAt,
            recording.Duration?.TotalSeconds,
            recording.Duration is { } duration ? RecordingFormatting.FormatDuration(duration) : null,
            recording.File is { } file
                ? new RecordingFileResponse(file.Name, file.SizeBytes, file.Format)
                : null,
            recording.File is { } sized ? RecordingFormatting.FormatFileSize(sized.SizeBytes) : null,
            recording.DisplayName,
            recording.ProcessingError,
            recording.Metadata,
            links?.Stream.Url,
            links?.Download.Url,
            links?.Progress.Url,
            links?.Stream.ExpiresAt,
            recording.PosterState,
            links?.Poster?.Url,
            recording.AacState,
            links?.Aac?.Url,
            recording.PreviewsState,
            links?.PreviewsTrack?.Url,
            recording.HlsState,
            links?.Hls?.Url,
            [.. recording.Parts.Select(part => RecordingPartResponse.From(part, links))],
            recording.JoinState,
            recording.Publication,
            recording.DeletedAt,
            recording.FilesRemovedAt);
    }
}

/// <summary>
/// The columns of a recording that its <see cref="RecordingResponse"/> shows. Lists read these alone
/// (<see cref="Columns"/>: no tracking, no concurrency token, metadata as the stored JSON); a use case that holds the
/// aggregate takes them from it (<see cref="Of"/>).
/// </summary>
public sealed record RecordingRow(
    Guid Id,
    Guid SessionId,
    SessionKind SessionKind,
    string EgressId,
    string RoomName,
    RecordingStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? CompletedAt,
    TimeSpan? Duration,
    RecordingFile? File,
    string DisplayName,
    string? ProcessingError,
    StoredJson Metadata,
    MediaJobState? PosterState,
    MediaJobState? AacState,
    MediaJobState? PreviewsState,
    MediaJobState? HlsState,
    IReadOnlyList<RecordingPart> Parts,
    MediaJobState? JoinState,
    RecordingPublication Publication,
    DateTimeOffset? DeletedAt,
    DateTimeOffset? FilesRemovedAt)
{
    /// <summary>The projection of a query over recordings: the database sends these columns and nothing else.</summary>
    public static readonly Expression<Func<Domain.Recordings.Recording, RecordingRow>> Columns = r => new RecordingRow(
        r.Id,
        r.SessionId,
        r.SessionKind,
        r.EgressId,
        r.RoomName,
        r.Status,
        r.StartedAt,
        r.EndedAt,
        r.CompletedAt,
        r.Duration,
        r.File == null ? null : new RecordingFile(r.File.RelativePath, r.File.SizeBytes, r.File.Format),
        r.DisplayName,
        r.ProcessingError,
        new StoredJson(StoredJson.TextOf(r.Metadata)),
        r.MediaJobs.Where(j => j.Task == MediaTask.Poster).Select(j => (MediaJobState?)j.State).FirstOrDefault(),
        r.MediaJobs.Where(j => j.Task == MediaTask.AacCopy).Select(j => (MediaJobState?)j.State).FirstOrDefault(),
        r.MediaJobs.Where(j => j.Task == MediaTask.SeekPreviews).Select(j => (MediaJobState?)j.State).FirstOrDefault(),
        r.MediaJobs.Where(j => j.Task == MediaTask.Hls).Select(j => (MediaJobState?)j.State).FirstOrDefault(),
        r.Parts,
        r.MediaJobs.Where(j => j.Task == MediaTask.Join).Select(j => (MediaJobState?)j.State).FirstOrDefault(),
        r.Publication,
        r.DeletedAt,
        r.FilesRemovedAt);

    private static readonly Func<Domain.Recordings.Recording, RecordingRow> Take = Columns.Compile();

    public static RecordingRow Of(Domain.Recordings.Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return Take(recording);
    }
}

/// <summary>
/// JSON text as the database stores it, written into a response as it is: no dictionary is built per row only to be
/// written out again.
/// </summary>
[JsonConverter(typeof(StoredJsonConverter))]
public sealed record StoredJson(string Text)
{
    /// <summary>
    /// Metadata as JSON text. In a query the database sends the stored <c>jsonb</c> as its text (the persistence
    /// layer maps this method to SQL); in memory it is serialised.
    /// </summary>
    public static string TextOf(IReadOnlyDictionary<string, object?> metadata) =>
        JsonSerializer.Serialize(metadata, JsonSerializerOptions.Web);
}

public sealed class StoredJsonConverter : JsonConverter<StoredJson>
{
    public override StoredJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new StoredJson(document.RootElement.GetRawText());
    }

    // The text came from a jsonb column or from the serialiser, so it is valid JSON.
    public override void Write(Utf8JsonWriter writer, StoredJson value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(value.Text, skipInputValidation: true);
    }
}
