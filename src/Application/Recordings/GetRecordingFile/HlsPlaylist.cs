using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ItqanRecording.Application.Recordings.GetRecordingFile;

/// <summary>
/// A video's HLS media playlist as a player gets it: the playlist ffmpeg wrote, whose segments are byte ranges of one
/// file named beside it, with that name (in each segment's line and in <c>EXT-X-MAP</c>'s <c>URI</c>) replaced by
/// the file's link signed for the asker. Made per request, since the link is the asker's. A video with a
/// low-bandwidth rendition gets a master playlist naming both variants (<see cref="Master"/>).
/// </summary>
public static partial class HlsPlaylist
{
    public static string Sign(string storedPlaylist, string mediaUrl)
    {
        ArgumentNullException.ThrowIfNull(storedPlaylist);
        var signed = new StringBuilder(storedPlaylist.Length + 64);
        foreach (var line in storedPlaylist.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0)
            {
                continue;
            }

            signed.Append(text.StartsWith('#') ? MapUri().Replace(text, $"URI=\"{mediaUrl}\"") : mediaUrl).Append('\n');
        }

        return signed.ToString();
    }

    /// <summary>
    /// The master playlist of a video with more than one variant: each variant's link (its media playlist, signed for
    /// the asker) with the peak bits per second a player plans for, so it picks the one the connection carries.
    /// </summary>
    public static string Master(IEnumerable<(string PlaylistUrl, long Bandwidth)> variants)
    {
        var master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        foreach (var (url, bandwidth) in variants)
        {
            master.Append(CultureInfo.InvariantCulture, $"#EXT-X-STREAM-INF:BANDWIDTH={bandwidth}\n{url}\n");
        }

        return master.ToString();
    }

    /// <summary>The highest bits per second of any segment of a media playlist of byte ranges (its length over its time).</summary>
    public static long PeakBandwidthOf(string playlist)
    {
        ArgumentNullException.ThrowIfNull(playlist);
        double peak = 0;
        double? segmentSeconds = null;
        foreach (var line in playlist.Split('\n'))
        {
            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                segmentSeconds = double.Parse(line["#EXTINF:".Length..].Split(',')[0], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("#EXT-X-BYTERANGE:", StringComparison.Ordinal) && segmentSeconds is > 0 and var seconds)
            {
                var bytes = long.Parse(line["#EXT-X-BYTERANGE:".Length..].Split('@')[0], CultureInfo.InvariantCulture);
                peak = Math.Max(peak, bytes * 8 / seconds);
            }
        }

        return (long)Math.Ceiling(peak);
    }

    [GeneratedRegex("URI=\"[^\"]*\"")]
    private static partial Regex MapUri();
}
