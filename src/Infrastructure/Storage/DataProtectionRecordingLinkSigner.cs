using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Recordings;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Storage;

/// <summary>
/// Signs links with one HMAC-SHA256 over (recording, action, user, expiry) under a key derived (HKDF-SHA256, an info
/// string of its own) from the master key of an ASP.NET Core Data Protection key. Those keys live in the database,
/// so every API instance derives the same link key, before and after a restart, and Data Protection creates, rotates
/// and revokes them as it does for cookies and tokens. The signature is base64url of the key's id followed by the
/// HMAC: a link made under the previous default key stays good after a rotation, and one under a revoked or
/// unknown key is refused without touching the database. A link is authentic when the HMAC of what it says equals
/// its own, compared in constant time.
/// </summary>
public sealed class DataProtectionRecordingLinkSigner(
    IKeyRingProvider keyRing, IKeyManager keyManager, IOptions<StorageOptions> options, TimeProvider clock) : IRecordingLinkSigner
{
    private const int KeyIdLength = 16;
    private const int MacLength = HMACSHA256.HashSizeInBytes;
    private const int PayloadLength = 16 + 1 + 16 + sizeof(long);

    private static readonly byte[] LinkKeyInfo = Encoding.UTF8.GetBytes("ItqanRecording.RecordingLinks.v2");

    // Derived link keys by Data Protection key id; a key's master key never changes.
    private readonly ConcurrentDictionary<Guid, byte[]> _linkKeys = new();

    public RecordingFileLinks SignFileLinks(
        Guid recordingId, Guid userId, bool withPoster = false, bool withAac = false, bool withPreviews = false, bool withHls = false)
    {
        var expiresAt = ExpiryFromNow();
        return new RecordingFileLinks(
            Sign(recordingId, RecordingFileAction.Stream, userId, expiresAt),
            Sign(recordingId, RecordingFileAction.Download, userId, expiresAt),
            Sign(recordingId, RecordingFileAction.Progress, userId, expiresAt),
            withPoster ? Sign(recordingId, RecordingFileAction.Poster, userId, expiresAt) : null,
            withAac ? Sign(recordingId, RecordingFileAction.Aac, userId, expiresAt) : null,
            withPreviews ? Sign(recordingId, RecordingFileAction.PreviewsTrack, userId, expiresAt) : null,
            withHls ? Sign(recordingId, RecordingFileAction.Hls, userId, expiresAt) : null);
    }

    public RecordingLink SignLink(Guid recordingId, RecordingFileAction action, Guid userId) => Sign(recordingId, action, userId, ExpiryFromNow());

    /// <summary>The configured lifetime from now, in whole seconds, as the link carries them.</summary>
    private DateTimeOffset ExpiryFromNow() =>
        DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + options.Value.SignedLinkLifetime).ToUnixTimeSeconds());

    /// <summary>A link with any expiry, even a past one; the API hands out only <see cref="SignFileLinks"/>.</summary>
    public RecordingLink Sign(Guid recordingId, RecordingFileAction action, Guid userId, DateTimeOffset expiresAt)
    {
        var keyId = keyRing.GetCurrentKeyRing().DefaultKeyId;
        Span<byte> signature = stackalloc byte[KeyIdLength + MacLength];
        keyId.TryWriteBytes(signature[..KeyIdLength]);
        Mac(LinkKey(keyId), recordingId, action, userId, expiresAt, signature[KeyIdLength..]);
        return new RecordingLink(recordingId, action, userId, expiresAt, Base64Url.EncodeToString(signature));
    }

    public bool IsAuthentic(RecordingLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        Span<byte> signature = stackalloc byte[KeyIdLength + MacLength];
        if (Base64Url.DecodeFromChars(link.Signature, signature, out _, out var written) != OperationStatus.Done
            || written != signature.Length)
        {
            return false;
        }

        var keyId = new Guid(signature[..KeyIdLength]);
        if (keyRing.GetCurrentKeyRing().GetAuthenticatedEncryptorByKeyId(keyId, out var isRevoked) is null || isRevoked)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Mac(LinkKey(keyId), link.RecordingId, link.Action, link.UserId, link.ExpiresAt, expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature[KeyIdLength..]);
    }

    private static void Mac(
        byte[] key, Guid recordingId, RecordingFileAction action, Guid userId, DateTimeOffset expiresAt, Span<byte> destination)
    {
        Span<byte> payload = stackalloc byte[PayloadLength];
        recordingId.TryWriteBytes(payload[..16]);
        payload[16] = (byte)action;
        userId.TryWriteBytes(payload[17..33]);
        BinaryPrimitives.WriteInt64BigEndian(payload[33..], expiresAt.ToUnixTimeSeconds());
        HMACSHA256.HashData(key, payload, destination);
    }

    /// <summary>The link key of a Data Protection key the key ring knows; read from the key store once per key.</summary>
    private byte[] LinkKey(Guid keyId) => _linkKeys.GetOrAdd(keyId, id =>
    {
        var key = keyManager.GetAllKeys().Single(k => k.KeyId == id);
        var masterKey = key.Descriptor.ExportToXml().SerializedDescriptorElement.Element("masterKey")?.Element("value")?.Value
            ?? throw new InvalidOperationException($"Data Protection key {id} has no master key to derive the link key from.");
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(masterKey), MacLength, salt: [], info: LinkKeyInfo);
    });
}
