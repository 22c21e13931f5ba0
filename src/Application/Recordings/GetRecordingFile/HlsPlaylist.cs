using System.Text;
using System.Text.RegularExpressions;

namespace ItqanRecording.Application.Recordings.GetRecordingFile;

/// <summary>
/// A video's HLS media playlist as a player gets it: the playlist ffmpeg wrote, whose segments are byte ranges of one
/// file named beside it, with that name (in each segment's line and in <c>EXT-X-MAP</c>'s <c>URI</c>) replaced by
/// the file's link signed for the asker. Made per request, since the link is the asker's.
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

    [GeneratedRegex("URI=\"[^\"]*\"")]
    private static partial Regex MapUri();
}
