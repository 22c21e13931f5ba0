using System.Globalization;
using System.Text;

namespace ItqanRecording.Domain.Learning;

/// <summary>
/// Text as it is searched, the same for what is stored and what is asked: lower case, and Arabic without what
/// people type one way and another — the diacritics (tashkeel, U+064B–U+065F, the superscript alef U+0670), the
/// tatweel (U+0640), the alef forms (أ إ آ ٱ become ا), hamza on waw and ya (ؤ becomes و, ئ and ى become ي) and the
/// ta marbuta (ة becomes ه). So <c>الْقُرْآن</c> finds <c>القران</c> and <c>القرآن</c>.
/// </summary>
public static class SearchText
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            switch (c)
            {
                case >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640':
                    continue;
                case 'أ' or 'إ' or 'آ' or 'ٱ':
                    normalized.Append('ا');
                    break;
                case 'ؤ':
                    normalized.Append('و');
                    break;
                case 'ئ' or 'ى':
                    normalized.Append('ي');
                    break;
                case 'ة':
                    normalized.Append('ه');
                    break;
                default:
                    normalized.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                    break;
            }
        }

        return normalized.ToString();
    }
}
