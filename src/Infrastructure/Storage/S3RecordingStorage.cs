using System.Buffers;
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

    /// <summary>The same, for PUTs of files and parts, which may take longer than any other request.</summary>
    private readonly AmazonS3Client _uploads;
    private readonly S3Upload _upload;
    private readonly TimeProvider _clock;
    private readonly MemoryCache _existing = new(new MemoryCacheOptions { SizeLimit = RememberedObjects });
    private readonly MemoryCache _presigned = new(new MemoryCacheOptions { SizeLimit = RememberedObjects });

    public S3RecordingStorage(IOptions<StorageOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.S3 ?? throw new InvalidOperationException("Storage:S3 is not configured.");
        _clock = clock;
        var credentials = new BasicAWSCredentials(_options.AccessKey, _options.SecretKey);
        _client = new AmazonS3Client(credentials, ClientConfig(_options, TimeSpan.FromSeconds(10)));
        _uploads = new AmazonS3Client(credentials, ClientConfig(_options, _options.UploadTimeout));
        var egress = _options.Egress ?? throw new InvalidOperationException("Storage:S3:Egress is not configured.");
        _upload = new S3Upload(
            egress.AccessKey,
            egress.SecretKey,
            _options.Region,
            (egress.ServiceUrl ?? _options.ServiceUrl)?.AbsoluteUri,
            _options.Bucket,
            _options.ForcePathStyle);
    }

    /// <summary>
    /// The origin of the presigned URLs, as the SDK writes them (path-style or virtual-host, AWS or not), which
    /// browsers must be allowed to play from; none when nginx fetches the objects (they come from our own origin).
    /// </summary>
    public Uri? MediaOrigin => _options.AcceleratedRedirectPrefix is not null
        ? null
        : new(new Uri(_client.GetPreSignedURL(PresignedGet(KeyOf("origin"), "application/octet-stream"))).GetLeftPart(UriPartial.Authority));

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

        var url = new Uri(await _client.GetPreSignedURLAsync(request));
        var presigned = new PresignedUrl(new StoredFile.AtPresignedUrl(url, AcceleratedRedirectOf(url)), now + HandOutAgainFor);
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

    /// <summary>The nginx location's URI that fetches <paramref name="presigned"/>, where the deployment has one.</summary>
    private string? AcceleratedRedirectOf(Uri presigned) =>
        _options.AcceleratedRedirectPrefix is { } prefix ? prefix + presigned.PathAndQuery.TrimStart('/') : null;

    /// <summary>
    /// Puts the local file under the key of <paramref name="relativePath"/>, in one PUT or, when larger than a part
    /// (<see cref="S3StorageOptions.UploadPartMebibytes"/>), in parts; every body goes with its MD5, which the store
    /// checks. Then HEAD checks the object's size and ETag: the file's MD5, or for parts the MD5 of the parts' MD5s
    /// followed by <c>-</c> and their count.
    /// </summary>
    public async Task SaveFileAsync(string relativePath, string localPath, string contentType, CancellationToken cancellationToken)
    {
        var key = KeyOf(relativePath);
        var length = new FileInfo(localPath).Length;
        var expectedTag = length > PartSize
            ? await PutInPartsAsync(key, localPath, length, contentType, cancellationToken)
            : await PutWholeAsync(key, localPath, length, contentType, cancellationToken);
        _existing.Remove(key);
        var stored = await HeadAsync(key, cancellationToken);
        if (stored is null || stored.ContentLength != length || stored.ETag.Trim('"') != expectedTag)
        {
            throw new InvalidDataException(
                $"The copy of '{relativePath}' at '{key}' does not match the local file ({length} bytes, ETag {expectedTag}): "
                + (stored is null ? "it is not there." : $"{stored.ContentLength} bytes, ETag {stored.ETag}."));
        }
    }

    private long PartSize => _options.UploadPartMebibytes * 1024L * 1024L;

    /// <summary>One PUT; the ETag it leaves is the file's MD5.</summary>
    private async Task<string> PutWholeAsync(string key, string localPath, long length, string contentType, CancellationToken cancellationToken)
    {
        var md5 = await Md5OfAsync(localPath, 0, length, cancellationToken);
        await AskAsync(key, () => _uploads.PutObjectAsync(
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
        return Convert.ToHexStringLower(md5);
    }

    /// <summary>
    /// A multipart upload, a part at a time; if anything fails, the upload is aborted so the store drops the parts
    /// it holds (a later run starts again). The ETag it leaves is the MD5 of the parts' MD5s, <c>-</c>, their count.
    /// </summary>
    private async Task<string> PutInPartsAsync(string key, string localPath, long length, string contentType, CancellationToken cancellationToken)
    {
        var upload = await AskAsync(key, () => _uploads.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = _options.Bucket, Key = key, ContentType = contentType },
            cancellationToken));
        try
        {
            var parts = new List<PartETag>();
            var partDigests = new List<byte>();
            for (var position = 0L; position < length; position += PartSize)
            {
                var partNumber = parts.Count + 1;
                var size = Math.Min(PartSize, length - position);
                var md5 = await Md5OfAsync(localPath, position, size, cancellationToken);
                var part = await AskAsync(key, () => _uploads.UploadPartAsync(
                    new UploadPartRequest
                    {
                        BucketName = _options.Bucket,
                        Key = key,
                        UploadId = upload.UploadId,
                        PartNumber = partNumber,
                        FilePath = localPath,
                        FilePosition = position,
                        PartSize = size,
                        MD5Digest = Convert.ToBase64String(md5),
                        UseChunkEncoding = false,
                    },
                    cancellationToken));
                parts.Add(new PartETag(partNumber, part.ETag));
                partDigests.AddRange(md5);
            }

            await AskAsync(key, () => _uploads.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = _options.Bucket, Key = key, UploadId = upload.UploadId, PartETags = parts },
                cancellationToken));
#pragma warning disable CA5351 // S3's ETag of a multipart object, not a use of MD5 for security.
            return $"{Convert.ToHexStringLower(MD5.HashData([.. partDigests]))}-{parts.Count}";
#pragma warning restore CA5351
        }
        catch
        {
            await AbortQuietlyAsync(key, upload.UploadId);
            throw;
        }
    }

    private async Task AbortQuietlyAsync(string key, string uploadId)
    {
        try
        {
            await _uploads.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = _options.Bucket, Key = key, UploadId = uploadId }, CancellationToken.None);
        }
        catch (Exception exception) when (exception is AmazonServiceException or HttpRequestException or TimeoutException)
        {
            // The failure that brought us here is the one to report; a bucket lifecycle rule for incomplete
            // uploads (README) cleans up what is left.
        }
    }

    /// <summary>The MD5 of <paramref name="length"/> bytes of the file from <paramref name="offset"/>.</summary>
    private static async Task<byte[]> Md5OfAsync(string localPath, long offset, long length, CancellationToken cancellationToken)
    {
#pragma warning disable CA5351 // Content-MD5 is S3's integrity check of a body, not a use of MD5 for security.
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        await using var file = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        file.Position = offset;
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        try
        {
            for (var left = length; left > 0;)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
                if (read == 0)
                {
                    throw new InvalidDataException($"'{localPath}' ended {left} bytes early while it was being read.");
                }

                md5.AppendData(buffer, 0, read);
                left -= read;
            }

            return md5.GetHashAndReset();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
        _uploads.Dispose();
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

    private static AmazonS3Config ClientConfig(S3StorageOptions options, TimeSpan timeout)
    {
        var config = new AmazonS3Config
        {
            AuthenticationRegion = options.Region,
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = timeout,
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
