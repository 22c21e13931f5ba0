using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Infrastructure.Storage;
using ItqanRecording.Infrastructure.Tests.LiveKit;
using ItqanRecording.TestSupport;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Tests.ObjectStorage;

/// <summary>The API's S3 storage against the real gateway: the presigned URLs it hands out, and for how long.</summary>
public sealed class S3RecordingStorageTests : IAsyncLifetime
{
    private const string RelativePath = "session-1/lesson.mp4";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly byte[] _content = RandomNumberGenerator.GetBytes(64 * 1024);
    private readonly TestTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private CephObjectGateway _gateway = null!;
    private string _bucket = string.Empty;
    private S3RecordingStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _gateway = await CephObjectGateway.SharedAsync();
        _bucket = await _gateway.CreateBucketAsync("presigned");
        using var s3 = _gateway.CreateClient();
        using var body = new MemoryStream(_content);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "recordings/" + RelativePath, InputStream = body, UseChunkEncoding = false,
        });
        _storage = NewStorage(uploadPartMebibytes: 64);
    }

    public Task DisposeAsync()
    {
        _storage.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_presigned_URL_is_handed_out_again_for_a_quarter_of_its_lifetime_then_a_fresh_one_is_signed()
    {
        var stream = new FileDelivery("video/mp4", null);
        var first = await PresignedUrlAsync(stream);

        _clock.Now += Lifetime / 4 - TimeSpan.FromSeconds(1);
        var again = await PresignedUrlAsync(stream);
        _clock.Now += TimeSpan.FromSeconds(2);
        var fresh = await PresignedUrlAsync(stream);

        again.Should().Be(first);
        fresh.Should().NotBe(first);
        using var http = new HttpClient();
        using var answer = await http.GetAsync(fresh);
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        (await answer.Content.ReadAsByteArrayAsync()).Should().Equal(_content);
    }

    [Fact]
    public async Task A_download_gets_a_URL_of_its_own_that_saves_under_its_name_not_the_streams_URL()
    {
        var streamed = await PresignedUrlAsync(new FileDelivery("video/mp4", null));

        var downloaded = await PresignedUrlAsync(new FileDelivery("video/mp4", "Lesson 1.mp4"));

        downloaded.Should().NotBe(streamed);
        (await PresignedUrlAsync(new FileDelivery("video/mp4", "Lesson 2.mp4"))).Should().NotBe(downloaded);
        using var http = new HttpClient();
        using var answer = await http.GetAsync(downloaded);
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.Content.Headers.ContentDisposition!.FileName.Should().Be("Lesson 1.mp4");
    }

    [Fact]
    public async Task A_made_text_file_saved_into_the_store_reads_back_as_it_was_and_a_missing_one_reads_as_null()
    {
        const string playlist = "#EXTM3U\n#EXT-X-VERSION:7\n#EXTINF:6.000000,\n#EXT-X-BYTERANGE:100@0\nlesson.mp4.hls.m4s\n#EXT-X-ENDLIST\n";
        await SaveAsync(_storage, RelativePath + ".hls.m3u8", Encoding.UTF8.GetBytes(playlist), "application/vnd.apple.mpegurl");

        (await _storage.ReadTextAsync(RelativePath + ".hls.m3u8", CancellationToken.None)).Should().Be(playlist);
        (await _storage.ReadTextAsync("session-1/none.m3u8", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_file_larger_than_a_part_goes_up_in_parts_and_reads_back_byte_for_byte_with_the_multipart_ETag()
    {
        using var storage = NewStorage(uploadPartMebibytes: 5);
        var content = RandomNumberGenerator.GetBytes(12 * 1024 * 1024 + 17);
        await SaveAsync(storage, "session-1/long-class.mp4", content, "video/mp4");

        using var s3 = _gateway.CreateClient();
        var head = await s3.GetObjectMetadataAsync(_bucket, "recordings/session-1/long-class.mp4");
        head.ETag.Trim('"').Should().EndWith("-3", "12 MiB and 17 bytes make two parts of 5 MiB and one of the rest");
        head.ContentLength.Should().Be(content.Length);
        head.Headers.ContentType.Should().Be("video/mp4");
        using var body = await s3.GetObjectAsync(_bucket, "recordings/session-1/long-class.mp4");
        using var read = new MemoryStream();
        await body.ResponseStream.CopyToAsync(read);
        read.ToArray().Should().Equal(content);
        (await s3.ListMultipartUploadsAsync(_bucket)).MultipartUploads.Should().BeNullOrEmpty("the upload was completed, not left open");
    }

    [Fact]
    public async Task A_multipart_upload_the_store_refuses_is_aborted_so_it_leaves_no_parts_and_no_object()
    {
        // Parts of 1 MiB (the settings allow no less than 5): the gateway takes each part, then refuses to complete
        // the upload (EntityTooSmall), as S3 does, after the parts are stored.
        using var storage = NewStorage(uploadPartMebibytes: 1);
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 5);

        var save = () => SaveAsync(storage, "session-1/refused-class.mp4", content, "video/mp4");

        await save.Should().ThrowAsync<Exception>();
        using var s3 = _gateway.CreateClient();
        var open = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = _bucket, Prefix = "recordings/session-1/refused-class.mp4" });
        open.MultipartUploads.Should().BeNullOrEmpty("the refused upload was aborted, so the store dropped its parts");
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = "recordings/session-1/refused-class.mp4" });
        listed.S3Objects.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task A_file_no_larger_than_a_part_goes_up_in_one_PUT_whose_ETag_is_its_MD5()
    {
        using var storage = NewStorage(uploadPartMebibytes: 5);
        var content = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);
        await SaveAsync(storage, "session-1/short-class.mp4", content, "video/mp4");

        using var s3 = _gateway.CreateClient();
        var head = await s3.GetObjectMetadataAsync(_bucket, "recordings/session-1/short-class.mp4");
#pragma warning disable CA5351 // S3's ETag of a single PUT is the body's MD5.
        head.ETag.Trim('"').Should().Be(Convert.ToHexStringLower(MD5.HashData(content)));
#pragma warning restore CA5351
    }

    /// <summary>Saves <paramref name="content"/> as a made file would be: written locally, then put into the store.</summary>
    private static async Task SaveAsync(S3RecordingStorage storage, string relativePath, byte[] content, string contentType)
    {
        var local = Path.GetTempFileName();
        await File.WriteAllBytesAsync(local, content);
        try
        {
            await storage.SaveFileAsync(relativePath, local, contentType, CancellationToken.None);
        }
        finally
        {
            File.Delete(local);
        }
    }

    private S3RecordingStorage NewStorage(int uploadPartMebibytes) => new(
        Options.Create(new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = new S3StorageOptions
            {
                ServiceUrl = _gateway.Endpoint,
                Region = CephObjectGateway.Region,
                Bucket = _bucket,
                ForcePathStyle = true,
                AccessKey = _gateway.AccessKey,
                SecretKey = _gateway.SecretKey,
                PresignedUrlLifetime = Lifetime,
                UploadPartMebibytes = uploadPartMebibytes,
                Egress = new S3EgressOptions { AccessKey = _gateway.AccessKey, SecretKey = _gateway.SecretKey },
            },
        }),
        _clock);

    private async Task<Uri> PresignedUrlAsync(FileDelivery delivery) =>
        (await _storage.FindFileAsync(RelativePath, delivery, CancellationToken.None)).Should()
        .BeOfType<StoredFile.AtPresignedUrl>().Subject.Url;
}
