using System.Globalization;
using System.Text;

namespace ItqanRecording.Domain.Recordings;

/// <summary>
/// The name a recording is saved under: <c>{display name}.{extension}</c>, safe on every system. Control characters,
/// path separators, quotes and the other reserved characters become <c>_</c>. Invisible format characters (Unicode
/// category Cf: the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, zero-width characters,
/// the BOM) are dropped, so a name cannot show <c>…4pm.exe</c> as <c>…exe.mp4</c>. Letters of every script stay.
/// </summary>
public static class DownloadFileName
{
    /// <summary>Characters no file name may hold on some system, besides control characters.</summary>
    private const string ReservedInFileNames = "/\\\"<>:|?*";

    public static string For(string displayName, RecordingFormat format)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        var name = new StringBuilder(displayName.Length + 4);
        foreach (var c in displayName)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            name.Append(char.IsControl(c) || ReservedInFileNames.Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        return name.Append('.').Append(format.FileExtension()).ToString();
    }
}
