using System.Globalization;
using ItqanRecording.Application.Common;

namespace ItqanRecording.Application.Recordings;

/// <summary>What a link to a recording's file lets its holder do: play it in the page, or save it.</summary>
public enum RecordingFileAction
{
    Stream,
    Download,

    /// <summary>The still the player shows before it plays (<see cref="Domain.Recordings.Media.MediaTask.Poster"/>).</summary>
    Poster,

    /// <summary>An audio recording as AAC (<see cref="Domain.Recordings.Media.MediaTask.AacCopy"/>), to play where Ogg/Opus does not.</summary>
    Aac,

    /// <summary>The sprite of a video's seek previews (<see cref="Domain.Recordings.Media.MediaTask.SeekPreviews"/>).</summary>
    Previews,

    /// <summary>The WebVTT thumbnails track that places the seek previews on the timeline, for a player.</summary>
    PreviewsTrack,

    /// <summary>
    /// The HLS media playlist of a video (<see cref="Domain.Recordings.Media.MediaTask.Hls"/>), its segments' links
    /// signed for the asker.
    /// </summary>
    Hls,

    /// <summary>The file of a video's HLS segments, read in byte ranges as its playlist names them.</summary>
    HlsMedia,

    /// <summary>
    /// The player's heartbeats (POST …/progress): a link that only reports what its user watched, so a heartbeat
    /// need not carry (and the API need not decrypt and check) the sign-in.
    /// </summary>
    Progress,
}

/// <summary>
/// A time-limited link to a recording's file, for a browser that cannot send a bearer header (a
/// <c>&lt;video src&gt;</c>, a plain download). Its signature covers the recording, the action, the user it was
/// given to and the expiry, so changing any of them spoils it.
/// </summary>
public sealed record RecordingLink(
    Guid RecordingId, RecordingFileAction Action, Guid UserId, DateTimeOffset ExpiresAt, string Signature)
{
    public const string ExpiresParameter = "expires";
    public const string UserParameter = "u";
    public const string SignatureParameter = "sig";

    /// <summary>Which HLS variant an HLS link asks for (not signed: each variant is the same recording's).</summary>
    public const string VariantParameter = "variant";

    /// <summary>Which part of a recording made in parts a stream or download link asks for (not signed, as the variant).</summary>
    public const string PartParameter = "part";

    /// <summary>
    /// E.g. <c>/api/recordings/{id}/stream?expires=1795000000&amp;u={userId}&amp;sig=…</c>; the signature is
    /// base64url, so nothing needs escaping.
    /// </summary>
    public string Url => string.Create(
        CultureInfo.InvariantCulture,
        $"/api/recordings/{RecordingId}/{WireNames.Of(Action)}?{ExpiresParameter}={ExpiresAt.ToUnixTimeSeconds()}&{UserParameter}={UserId}&{SignatureParameter}={Signature}");
}

/// <summary>The links a recording's JSON carries; they all expire together.</summary>
public sealed record RecordingFileLinks(
    RecordingLink Stream,
    RecordingLink Download,
    RecordingLink Progress,
    RecordingLink? Poster,
    RecordingLink? Aac,
    RecordingLink? PreviewsTrack,
    RecordingLink? Hls);
