using System.Net;
using System.Security.Cryptography;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ItqanRecording.Infrastructure.Storage;

/// <summary>
/// Recording files as objects of an S3-compatible bucket, each at <c>{KeyPrefix}{relative path}</c>. The egress
/// uploads them itself with its own credentials (<see cref="DestinationFor"/>); the API checks them with HEAD, hands
/// them out as short-lived presigned GETs (the store then answers Range and the conditions) and deletes them.
/// </summary>
/// <remarks>
/// The client is set up for stores other than AWS too: path-style addressing when asked, and checksums only where an
/// operation requires them (Ceph 16 and older MinIO refuse the SDK's newer default ones). That an object exists is
/// remembered for <see cref="ExistenceLifetime"/>, so a player's range requests do not each cost a HEAD; an object
/// removed by hand is reported missing at most that much later. A presigned URL is handed out again, to whoever asks
/// for the same object, media type and file name, for a quarter of its lifetime (the SDK's presigning costs more than
/// the rest of a stream request: `perf` in the object-storage bench), so every URL handed out has at least three
/// quarters of <see cref="S3StorageOptions.PresignedUrlLifetime"/> left. Any failure to reach the store, or a server error
/// from it, is a <see cref="StorageUnavailableException"/>.
/// </remarks>
public sealed class S3RecordingStorage : IRecordingFileStore, IDisposable
{
    public static readonly TimeSpan ExistenceLifetime = TimeSpan.FromSeconds(30);

    private const int RememberedObjects = 10_000;

    private readonly S3StorageOptions _options;
    private readonly AmazonS3Client _client;
    private readonly S3Upload _upload;
    private readonly TimeProvider _clock;
    private readonly MemoryCache _existing = new(new MemoryCacheOptions { SizeLimit = RememberedObjects });
    private readonly MemoryCache _presigned = new(new MemoryCacheOptions { SizeLimit = RememberedObjects });

    public S3RecordingStorage(IOptions<StorageOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.S3 ?? throw new InvalidOperationException("Storage:S3 is not configured.");
        _clock = clock;
        _client = new AmazonS3Client(new BasicAWSCredentials(_options.AccessKey, _options.SecretKey), ClientConfig(_options));
        var egress = _options.Egress ?? throw new InvalidOperationException("Storage:S3:Egress is not configured.");
        _upload = new S3Upload(
            egress.AccessKey,
            egress.SecretKey,
            _options.Region,
            (egress.ServiceUrl ?? _options.ServiceUrl)?.AbsoluteUri,
            _options.Bucket,
            _options.ForcePathStyle);
    }

    /// <summary>The origin of the presigned URLs, as the SDK writes them (path-style or virtual-host, AWS or not).</summary>
    public Uri MediaOrigin => new(new Uri(_client.GetPreSignedURL(PresignedGet(KeyOf("origin"), "application/octet-stream"))).GetLeftPart(UriPartial.Authority));

    public string KeyOf(string relativePath) => _options.KeyPrefix + relativePath.TrimStart('/');

    public EgressFileDestination DestinationFor(string relativePath) => new(KeyOf(relativePath), _upload);

    /// <summary>
    /// The object key the egress reports as the file name, below the key prefix. The location is not used: LiveKit
    /// reports an AWS URL there whatever the endpoint.
    /// </summary>
    public string? ToRelativePath(EgressFileResult file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var key = file.Filename;
        if (string.IsNullOrEmpty(key) || !key.StartsWith(_options.KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = key[_options.KeyPrefix.Length..];
        return relative.Length == 0
               || relative.Contains('\\', StringComparison.Ordinal)
               || relative.Contains('\0', StringComparison.Ordinal)
               || relative.Split('/').Any(segment => segment is "" or "." or "..")
            ? null
            : relative;
    }

    public async Task<long?> GetFileSizeAsync(string relativePath, CancellationToken cancellationToken) =>
        (await HeadAsync(KeyOf(relativePath), cancellationToken))?.ContentLength;

    public async Task<StoredFile?> FindFileAsync(string relativePath, FileDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var key = KeyOf(relativePath);
        if (!_existing.TryGetValue(key, out _))
        {
            if (await HeadAsync(key, cancellationToken) is null)
            {
                return null;
            }

            _existing.Set(key, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ExistenceLifetime });
        }

        var handedOut = new HandedOutUrl(key, delivery.ContentType, delivery.DownloadFileName);
        var now = _clock.GetUtcNow();
        if (_presigned.TryGetValue(handedOut, out PresignedUrl? earlier) && earlier!.HandedOutUntil > now)
        {
            return earlier.File;
        }

        var request = PresignedGet(key, delivery.ContentType);
        if (delivery.DownloadFileName is { } name)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(name);
            request.ResponseHeaderOverrides.ContentDisposition = disposition.ToString();
        }

        var presigned = new PresignedUrl(new StoredFile.AtPresignedUrl(new Uri(await _client.GetPreSignedURLAsync(request))), now + HandOutAgainFor);
        _presigned.Set(handedOut, presigned, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = HandOutAgainFor });
        return presigned.File;
    }

    public async Task<string?> ReadTextAsync(string relativePath, CancellationToken cancellationToken)
    {
        var key = KeyOf(relativePath);
        try
        {
            using var response = await AskAsync(key, () => _client.GetObjectAsync(_options.Bucket, key, cancellationToken));
            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private TimeSpan HandOutAgainFor => _options.PresignedUrlLifetime / 4;

    /// <summary>
    /// Puts the local file under the key of <paramref name="relativePath"/> with its MD5 (the store refuses a body
    /// that does not match it), then checks the object's size and ETag (the MD5 of a single-part upload) with HEAD.
    /// </summary>
    public async Task SaveFileAsync(string relativePath, string localPath, string contentType, CancellationToken cancellationToken)
    {
        var key = KeyOf(relativePath);
        byte[] md5;
        long length;
        await using (var file = File.OpenRead(localPath))
        {
            length = file.Length;
#pragma warning disable CA5351 // Content-MD5 is S3's integrity check of a PUT's body, not a use of MD5 for security.
            md5 = await MD5.HashDataAsync(file, cancellationToken);
#pragma warning restore CA5351
        }

        await AskAsync(key, () => _client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = _options.Bucket,
                Key = key,
                FilePath = localPath,
                ContentType = contentType,
                MD5Digest = Convert.ToBase64String(md5),
                UseChunkEncoding = false,
            },
            cancellationToken));
        _existing.Remove(key);
        var stored = await HeadAsync(key, cancellationToken);
        var expectedTag = Convert.ToHexStringLower(md5);
        if (stored is null || stored.ContentLength != length || stored.ETag.Trim('"') != expectedTag)
        {
            throw new InvalidDataException(
                $"The copy of '{relativePath}' at '{key}' does not match the local file ({length} bytes, MD5 {expectedTag}): "
                + (stored is null ? "it is not there." : $"{stored.ContentLength} bytes, ETag {stored.ETag}."));
        }
    }

    private GetPreSignedUrlRequest PresignedGet(string key, string contentType) => new()
    {
        BucketName = _options.Bucket,
        Key = key,
        Verb = HttpVerb.GET,
        Expires = _clock.GetUtcNow().UtcDateTime + _options.PresignedUrlLifetime,
        Protocol = _options.ServiceUrl?.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS,
        ResponseHeaderOverrides = { ContentType = contentType },
    };

    public async Task DeleteFileAsync(string relativePath, CancellationToken cancellationToken)
    {
        var key = KeyOf(relativePath);
        // S3 answers 204 for a key that does not exist, too. Forgotten afterwards, so a look meanwhile is not kept.
        await AskAsync(key, () => _client.DeleteObjectAsync(_options.Bucket, key, cancellationToken));
        _existing.Remove(key);
    }

    public void Dispose()
    {
        _client.Dispose();
        _existing.Dispose();
        _presigned.Dispose();
    }

    private async Task<GetObjectMetadataResponse?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await AskAsync(key, () => _client.GetObjectMetadataAsync(_options.Bucket, key, cancellationToken));
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Runs one request; a store out of reach or failing on its side becomes <see cref="StorageUnavailableException"/>.</summary>
    private async Task<T> AskAsync<T>(string key, Func<Task<T>> request)
    {
        try
        {
            return await request();
        }
        catch (AmazonServiceException exception) when (exception.StatusCode != HttpStatusCode.NotFound)
        {
            // A server error, or a refusal (403: keys, policy or object ownership wrong): either way the store cannot
            // be used now, and the log says which.
            throw Unavailable(key, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or AmazonClientException or TimeoutException)
        {
            throw Unavailable(key, exception);
        }

        StorageUnavailableException Unavailable(string objectKey, Exception cause) =>
            new(
                $"The object store at {_options.ServiceUrl?.AbsoluteUri ?? "AWS S3"} could not be asked about '{objectKey}' in bucket {_options.Bucket}: "
                + (cause is AmazonServiceException refused ? $"{(int)refused.StatusCode} {refused.ErrorCode}" : cause.Message),
                cause);
    }

    private static AmazonS3Config ClientConfig(S3StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            AuthenticationRegion = options.Region,
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromSeconds(10),
            MaxErrorRetry = 2,
        };
        if (options.ServiceUrl is { } url)
        {
            config.ServiceURL = url.AbsoluteUri;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return config;
    }

    private readonly record struct HandedOutUrl(string Key, string ContentType, string? DownloadFileName);

    private sealed record PresignedUrl(StoredFile.AtPresignedUrl File, DateTimeOffset HandedOutUntil);
}
