using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Infrastructure.Tests.ObjectStorage;

/// <summary>
/// What a real S3 server (Ceph's RADOS Gateway) answers to the requests our storage code will make, through the
/// official AWS SDK configured as S3-compatible stores need it. Each test has a bucket of its own.
/// </summary>
public sealed class CephGatewayS3Tests : IAsyncLifetime
{
    private const int ObjectSize = (5 << 20) + 123;

    private CephObjectGateway _gateway = null!;
    private AmazonS3Client _s3 = null!;
    private string _bucket = string.Empty;

    public async Task InitializeAsync()
    {
        _gateway = await CephObjectGateway.SharedAsync();
        _s3 = _gateway.CreateClient();
        _bucket = await _gateway.CreateBucketAsync("facts");
    }

    public Task DisposeAsync()
    {
        _s3.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_signed_upload_reads_back_byte_for_byte()
    {
        var content = RandomNumberGenerator.GetBytes(ObjectSize);

        await PutAsync(_s3, "upload/random.bin", content);

        using var response = await _s3.GetObjectAsync(_bucket, "upload/random.bin");
        var stored = await ReadAllAsync(response.ResponseStream);
        stored.Length.Should().Be(ObjectSize, "no chunk-signing framing may end up inside the object");
        SHA256.HashData(stored).Should().Equal(SHA256.HashData(content));
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_secret_is_refused_and_stores_nothing()
    {
        using var forger = _gateway.CreateClient(secretKey: "not-" + _gateway.SecretKey);

        var upload = () => PutAsync(forger, "forged.bin", RandomNumberGenerator.GetBytes(1024));

        var refusal = (await upload.Should().ThrowAsync<AmazonS3Exception>()).Which;
        refusal.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        refusal.ErrorCode.Should().Be("SignatureDoesNotMatch");
        var read = () => _s3.GetObjectMetadataAsync(_bucket, "forged.bin");
        (await read.Should().ThrowAsync<AmazonS3Exception>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_range_request_answers_206_with_exactly_those_bytes()
    {
        var content = RandomNumberGenerator.GetBytes(ObjectSize);
        await PutAsync(_s3, "range.bin", content);

        using var response = await _s3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = _bucket,
            Key = "range.bin",
            ByteRange = new ByteRange(1000, 1999),
        });

        response.HttpStatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.ContentRange.Should().Be($"bytes 1000-1999/{ObjectSize}");
        (await ReadAllAsync(response.ResponseStream)).Should().Equal(content[1000..2000]);
    }

    [Fact]
    public async Task A_presigned_GET_works_without_the_SDK()
    {
        var content = RandomNumberGenerator.GetBytes(64 * 1024);
        await PutAsync(_s3, "presigned/ok.bin", content);
        using var http = new HttpClient();

        using var response = await http.GetAsync(await PresignAsync("presigned/ok.bin", TimeSpan.FromMinutes(5)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(content);
    }

    [Fact]
    public async Task An_expired_presigned_GET_is_refused_403()
    {
        await PutAsync(_s3, "presigned/expiring.bin", RandomNumberGenerator.GetBytes(1024));
        using var http = new HttpClient();
        var url = await PresignAsync("presigned/expiring.bin", TimeSpan.FromSeconds(2));
        using (var fresh = await http.GetAsync(url))
        {
            fresh.StatusCode.Should().Be(HttpStatusCode.OK, "the URL works until it expires");
        }

        var expired = await Poll.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(url);
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            },
            answer => answer.StatusCode != HttpStatusCode.OK,
            TimeSpan.FromSeconds(15));

        expired.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        // The gateway answers AccessDenied where AWS answers RequestExpired; code that reads the refusal must take both.
        expired.Body.Should().Match(body => body.Contains("<Code>AccessDenied</Code>") || body.Contains("<Code>RequestExpired</Code>"));
    }

    private Task<string> PresignAsync(string key, TimeSpan lifetime) =>
        _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Protocol = Protocol.HTTP,
            Expires = DateTime.UtcNow + lifetime,
        });

    private async Task PutAsync(AmazonS3Client client, string key, byte[] content)
    {
        using var body = new MemoryStream(content);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = body,
            ContentType = "application/octet-stream",
            // With chunk encoding the SDK's signing framing can be stored inside the object (see the fact sheet).
            UseChunkEncoding = false,
        });
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
