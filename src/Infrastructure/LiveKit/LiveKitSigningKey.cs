using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ItqanRecording.Infrastructure.LiveKit;

/// <summary>The HS256 key LiveKit uses: the UTF-8 bytes of the API secret.</summary>
internal static class LiveKitSigningKey
{
    private const int MinimumBytes = 32;

    /// <summary>
    /// IdentityModel refuses HMAC keys shorter than 128 bits, but LiveKit accepts any secret (its dev server's is
    /// <c>secret</c>). HMAC pads keys shorter than the SHA-256 block (64 bytes) with zeros (RFC 2104, section 2), so
    /// padding a short secret with zeros to 32 bytes gives exactly the same signatures and passes that check.
    /// </summary>
    public static SymmetricSecurityKey Create(string apiSecret)
    {
        var bytes = Encoding.UTF8.GetBytes(apiSecret);
        if (bytes.Length < MinimumBytes)
        {
            Array.Resize(ref bytes, MinimumBytes);
        }

        return new SymmetricSecurityKey(bytes);
    }
}
