using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Recordings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Itqan.Recording.Infrastructure.Storage;

/// <summary>
/// Signs links with ASP.NET Core Data Protection, whose keys every API instance shares through the database: the
/// signature is <c>{recordingId}|{action}|{userId}|{expires}</c> protected (AES-256-CBC + HMAC-SHA256) under a
/// purpose of its own, in base64url. A link is authentic when its signature unprotects to exactly what the link
/// says. Data Protection keeps retired keys, so a key rotation does not spoil links made just before it.
/// </summary>
public sealed class DataProtectionRecordingLinkSigner(
    IDataProtectionProvider dataProtection, IOptions<StorageOptions> options, TimeProvider clock) : IRecordingLinkSigner
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Itqan.Recording.RecordingLinks.v1");

    public RecordingFileLinks SignFileLinks(Guid recordingId, Guid userId)
    {
        // Whole seconds, as the link carries them.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + options.Value.SignedLinkLifetime).ToUnixTimeSeconds());
        return new RecordingFileLinks(
            Sign(recordingId, RecordingFileAction.Stream, userId, expiresAt),
            Sign(recordingId, RecordingFileAction.Download, userId, expiresAt));
    }

    /// <summary>A link with any expiry, even a past one; the API hands out only <see cref="SignFileLinks"/>.</summary>
    public RecordingLink Sign(Guid recordingId, RecordingFileAction action, Guid userId, DateTimeOffset expiresAt)
    {
        var signature = _protector.Protect(Payload(recordingId, action, userId, expiresAt));
        return new RecordingLink(recordingId, action, userId, expiresAt, Base64Url.EncodeToString(signature));
    }

    public bool IsAuthentic(RecordingLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        try
        {
            var signed = _protector.Unprotect(Base64Url.DecodeFromChars(link.Signature));
            return CryptographicOperations.FixedTimeEquals(signed, Payload(link.RecordingId, link.Action, link.UserId, link.ExpiresAt));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static byte[] Payload(Guid recordingId, RecordingFileAction action, Guid userId, DateTimeOffset expiresAt) =>
        Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{recordingId:N}|{action}|{userId:N}|{expiresAt.ToUnixTimeSeconds()}"));
}
