using System.Globalization;
using System.Text;
using ItqanRecording.Domain.Recordings.Media;

namespace ItqanRecording.Application.Recordings.GetRecordingFile;

/// <summary>
/// The WebVTT thumbnails track of a video's seek previews, as players read it (Media Chrome, Vidstack, video.js):
/// one cue per tile of the <see cref="SeekPreviewGrid"/>, its text the sprite's URL with the tile as a media
/// fragment (<c>#xywh=x,y,w,h</c>). Made per request, since the sprite's URL is a link signed for the asker.
/// </summary>
public static class SeekPreviewsTrack
{
    public const string ContentType = "text/vtt";

    public static string Write(TimeSpan duration, string spriteUrl)
    {
        var grid = SeekPreviewGrid.For(duration);
        var track = new StringBuilder("WEBVTT\n");
        foreach (var (from, to, x, y) in grid.Tiles(duration))
        {
            track.Append(CultureInfo.InvariantCulture, $"\n{Timestamp(from)} --> {Timestamp(to)}\n");
            track.Append(CultureInfo.InvariantCulture, $"{spriteUrl}#xywh={x},{y},{SeekPreviewGrid.TileWidth},{SeekPreviewGrid.TileHeight}\n");
        }

        return track.ToString();
    }

    private static string Timestamp(TimeSpan at) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)at.TotalHours:00}:{at.Minutes:00}:{at.Seconds:00}.{at.Milliseconds:000}");
}
