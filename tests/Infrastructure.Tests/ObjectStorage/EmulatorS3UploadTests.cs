using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3;
using ItqanRecording.Infrastructure.Tests.LiveKit;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Infrastructure.Tests.ObjectStorage;

/// <summary>
/// The LiveKit emulator uploads a recording to a real S3 server (the Ceph gateway) when the Start request's file output
/// carries an <c>S3Upload</c>, and reports it in <c>egress_ended</c> as livekit/egress does. Driven over Twirp.
/// </summary>
public sealed class EmulatorS3UploadTests : IAsyncLifetime
{
    private const string ApiKey = "APIs3uploadKey01";
    private const string ApiSecret = "s3-upload-secret-0123456789abcdef0123456789";

    private readonly WebhookInbox _webhooks = new();
    private readonly DirectoryInfo _outputRoot = Directory.CreateTempSubdirectory("itqan-emulator-s3-");
    private CephObjectGateway _gateway = null!;
    private LiveKitEmulatorProcess _emulator = null!;
    private HttpClient _twirp = null!;

    public async Task InitializeAsync()
    {
        _gateway = await CephObjectGateway.SharedAsync();
        _emulator = await LiveKitEmulatorProcess.StartAsync(ApiKey, ApiSecret, _webhooks.Url.ToString(), "/recordings", _outputRoot.FullName);
        _twirp = new HttpClient { BaseAddress = _emulator.Url, Timeout = TimeSpan.FromSeconds(30) };
        _twirp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EgressToken());
    }

    public async Task DisposeAsync()
    {
        _twirp.Dispose();
        await _emulator.DisposeAsync();
        _webhooks.Dispose();
        _outputRoot.Delete(recursive: true);
    }

    [Fact]
    public async Task A_recording_with_an_S3Upload_lands_in_the_bucket_with_its_manifest_and_egress_ended_names_the_key()
    {
        var bucket = await _gateway.CreateBucketAsync("egress");
        var room = $"s3-room-{Guid.NewGuid():N}"[..20];
        var key = $"sessions/{room}/class.mp4";

        var ended = await RecordAsync(room, "sessions/{room_name}/class.mp4", bucket, _gateway.SecretKey);
        var egressId = ended["egressId"]!.GetValue<string>();

        ended["status"]!.GetValue<string>().Should().Be("EGRESS_COMPLETE", ended.ToJsonString());
        var file = ended["fileResults"]!.AsArray().Should().ContainSingle().Subject!;
        file["filename"]!.GetValue<string>().Should().Be(key);
        file["location"]!.GetValue<string>().Should().Be($"https://{bucket}.s3.amazonaws.com/{key}", "livekit/egress reports the AWS URL for any endpoint");

        using var s3 = _gateway.CreateClient();
        var stored = await s3.GetObjectMetadataAsync(bucket, key);
        stored.ContentLength.Should().Be(long.Parse(file["size"]!.GetValue<string>()), "egress_ended reports the size of what was uploaded");
        stored.Headers.ContentType.Should().Be("video/mp4");
        using (var media = await s3.GetObjectAsync(bucket, key))
        {
            var head = new byte[8];
            await media.ResponseStream.ReadExactlyAsync(head);
            Encoding.ASCII.GetString(head, 4, 4).Should().Be("ftyp", "the object is the MP4 itself, without any upload framing");
        }

        var manifestKey = $"sessions/{room}/{egressId}.json";
        ended["manifestLocation"]!.GetValue<string>().Should().Be($"https://{bucket}.s3.amazonaws.com/{manifestKey}");
        using var manifestObject = await s3.GetObjectAsync(bucket, manifestKey);
        var manifest = await JsonNode.ParseAsync(manifestObject.ResponseStream);
        manifest!["egress_id"]!.GetValue<string>().Should().Be(egressId);
        manifest["files"]![0]!["location"]!.GetValue<string>().Should().Be(file["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_upload_signed_with_a_wrong_secret_fails_the_egress_and_stores_nothing()
    {
        var bucket = await _gateway.CreateBucketAsync("refused");
        var room = $"s3-room-{Guid.NewGuid():N}"[..20];

        var ended = await RecordAsync(room, "refused/class.mp4", bucket, "wrong-" + _gateway.SecretKey);

        ended["status"]!.GetValue<string>().Should().Be("EGRESS_FAILED");
        ended["error"]!.GetValue<string>().Should().StartWith("S3 upload failed");
        using var s3 = _gateway.CreateClient();
        var read = () => s3.GetObjectMetadataAsync(bucket, "refused/class.mp4");
        (await read.Should().ThrowAsync<AmazonS3Exception>()).Which.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Records <paramref name="room"/> into <paramref name="filepath"/> with an upload to <paramref name="bucket"/> signed
    /// with <paramref name="secret"/>: Start, wait until LiveKit would really record, Stop; returns the EgressInfo of
    /// <c>egress_ended</c>.
    /// </summary>
    private async Task<JsonNode> RecordAsync(string room, string filepath, string bucket, string secret)
    {
        var started = await CallAsync("StartRoomCompositeEgress", new JsonObject
        {
            ["room_name"] = room,
            ["layout"] = "grid",
            ["file_outputs"] = new JsonArray(new JsonObject
            {
                ["file_type"] = "MP4",
                ["filepath"] = filepath,
                ["s3"] = new JsonObject
                {
                    ["access_key"] = _gateway.AccessKey,
                    ["secret"] = secret,
                    ["region"] = CephObjectGateway.Region,
                    ["endpoint"] = _gateway.Endpoint.ToString(),
                    ["bucket"] = bucket,
                    ["force_path_style"] = true,
                },
            }),
        });
        var egressId = started["egress_id"]!.GetValue<string>();
        await _emulator.WaitUntilActiveAsync(egressId);
        await CallAsync("StopEgress", new JsonObject { ["egress_id"] = egressId });
        return (await _webhooks.WaitForAsync("egress_ended", egressId))["egressInfo"]!;
    }

    private async Task<JsonNode> CallAsync(string method, JsonObject request)
    {
        using var response = await _twirp.PostAsync(
            new Uri($"/twirp/livekit.Egress/{method}", UriKind.Relative),
            new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{method} should succeed, but answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static string EgressToken()
    {
        var now = DateTimeOffset.UtcNow;
        return TestJwt.Sign(
            new Dictionary<string, object>
            {
                ["iss"] = ApiKey,
                ["nbf"] = now.ToUnixTimeSeconds(),
                ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
                ["video"] = new Dictionary<string, bool> { ["roomRecord"] = true },
            },
            ApiSecret);
    }
}
