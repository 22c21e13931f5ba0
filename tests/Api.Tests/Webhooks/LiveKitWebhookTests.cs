using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Webhooks;

[Collection(ApiCollection.Name)]
public sealed partial class LiveKitWebhookTests(ApiFixture api) : IAsyncLifetime
{
    private const string FixtureEgressId = "EG_k3Qm9TfXa2Lp";
    private const string FixtureFilePath = "/recordings/interactive/2026/11/session-7f3c2a10-20261125_143025.mp4";

    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LiveKits_egress_ended_fixture_completes_the_recording_with_its_bytes_and_seconds()
    {
        var (recording, client) = await StartRecordingAsync();
        var body = EgressEndedFixtureFor(recording.EgressId);

        var response = await PostSignedAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var completed = (await client.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recording.Id}"))!;
        completed.Status.Should().Be("completed");
        completed.File!.SizeBytes.Should().Be(45_678_901);
        completed.DurationSeconds.Should().Be(3600.5);
        completed.FormattedDuration.Should().Be("01:00:00");
        completed.FormattedFileSize.Should().Be("43.6 MB");
        completed.File.Name.Should().Be("session-7f3c2a10-20261125_143025.mp4");
    }

    [Fact]
    public async Task Int64_fields_written_as_json_numbers_parse_the_same()
    {
        var (recording, client) = await StartRecordingAsync();
        var body = QuotedInteger().Replace(EgressEndedFixtureFor(recording.EgressId), "\"$1\":$2");
        body.Should().Contain("\"size\":45678901");

        (await PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        var completed = (await client.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recording.Id}"))!;
        completed.File!.SizeBytes.Should().Be(45_678_901);
        completed.DurationSeconds.Should().Be(3600.5);
    }

    [Fact]
    public async Task LiveKits_failed_fixture_fails_the_recording_with_LiveKits_error()
    {
        var (recording, client) = await StartRecordingAsync();
        var body = Fixture("webhook.egress_ended.failed.json").Replace(FixtureEgressId, recording.EgressId, StringComparison.Ordinal);

        (await PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        var failed = (await client.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recording.Id}"))!;
        failed.Status.Should().Be("failed");
        failed.Error.Should().Contain("pipeline failed: could not connect to room");
    }

    [Fact]
    public async Task A_file_path_outside_the_egress_root_fails_the_recording()
    {
        var (recording, client) = await StartRecordingAsync();
        var body = EgressEndedFixtureFor(recording.EgressId)
            .Replace(FixtureFilePath, "/recordings/../../etc/passwd", StringComparison.Ordinal);

        (await PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        var failed = (await client.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recording.Id}"))!;
        failed.Status.Should().Be("failed");
        failed.Error.Should().Contain("outside the recordings storage");
    }

    [Fact]
    public async Task Egress_updated_ending_moves_a_recording_to_processing()
    {
        var (recording, client) = await StartRecordingAsync();
        var body = Fixture("webhook.egress_updated.ending.json").Replace(FixtureEgressId, recording.EgressId, StringComparison.Ordinal);

        (await PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recording.Id}"))!.Status.Should().Be("processing");
    }

    [Theory]
    [InlineData("webhook.participant_joined.json")]
    [InlineData("webhook.room_finished.json")]
    [InlineData("webhook.egress_started.json")]
    [InlineData("webhook.egress_updated.active.json")]
    public async Task Verified_events_that_change_nothing_are_acknowledged(string fixture)
    {
        (await PostSignedAsync(Fixture(fixture))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LiveKits_own_signed_vector_verifies_with_its_key()
    {
        // The vector is signed with the fixture key, not ours: proof that our check is LiveKit's, not our signer's.
        var vector = System.Text.Json.JsonDocument.Parse(Fixture("signed-webhooks.json")).RootElement.GetProperty("vectors")[1];

        var response = await PostAsync(vector.GetProperty("body").GetString()!, vector.GetProperty("authorization").GetString());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "it is signed with another API key than ours");
    }

    public static TheoryData<string> ForgedWebhooks() =>
    [
        "missing header",
        "signed with another secret",
        "tampered body",
        "expired token",
        "foreign api key",
        "bearer prefix",
        "garbage token",
    ];

    [Theory]
    [MemberData(nameof(ForgedWebhooks))]
    public async Task A_forged_webhook_is_unauthorized_and_changes_nothing(string forgery)
    {
        var (recording, client) = await StartRecordingAsync();
        var body = EgressEndedFixtureFor(recording.EgressId);
        var authorization = forgery switch
        {
            "missing header" => null,
            "signed with another secret" => WebhookSignatures.Sign(body, ApiFixture.ApiKey, "another-secret-0123456789abcdef0123456789"),
            "tampered body" => WebhookSignatures.Sign(body.Replace("45678901", "45678902", StringComparison.Ordinal), ApiFixture.ApiKey, ApiFixture.ApiSecret),
            "expired token" => WebhookSignatures.Sign(body, ApiFixture.ApiKey, ApiFixture.ApiSecret, DateTime.UtcNow.AddMinutes(-20)),
            "foreign api key" => WebhookSignatures.Sign(body, "APIforeign", "foreign-secret-0123456789abcdef0123456789"),
            "bearer prefix" => "Bearer " + WebhookSignatures.Sign(body, ApiFixture.ApiKey, ApiFixture.ApiSecret),
            _ => "not-a-jwt",
        };

        var response = await PostAsync(body, authorization);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await client.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recording.Id}"))!.Status.Should().Be("recording");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"event\":\"egress_ended\",\"id\":\"EV_1\",\"egressInfo\":{\"egressId\":\"EG_1\",\"status\":\"NO_SUCH_STATUS\"}}")]
    [InlineData("{\"event\":\"egress_ended\",\"id\":\"EV_1\",\"egressInfo\":{\"egressId\":\"EG_1\",\"fileResults\":[{\"size\":true}]}}")]
    [InlineData("{\"event\":\"egress_ended\",\"id\":\"EV_1\"}")]
    [InlineData("{\"event\":\"egress_not_yet_known\",\"id\":\"EV_1\"}")]
    [InlineData("[]")]
    public async Task A_verified_but_malformed_body_is_a_bad_request(string body)
    {
        var response = await PostSignedAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_one_mebibyte_is_refused_before_it_is_verified(bool lengthStated)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"event\":\"participant_joined\",\"pad\":\"{new string('x', 1024 * 1024)}\"}}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/livekit")
        {
            // A stream of unknown length goes out chunked, without Content-Length.
            Content = lengthStated ? new ByteArrayContent(body) : new StreamContent(new UnknownLengthStream(body)),
        };
        request.Content.Headers.ContentType = new("application/webhook+json");
        request.Headers.TryAddWithoutValidation("Authorization", WebhookSignatures.Sign(Encoding.UTF8.GetString(body), ApiFixture.ApiKey, ApiFixture.ApiSecret));

        var response = await api.AnonymousClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("webhook.too_large");
    }

    [Fact]
    public async Task A_signed_body_sent_without_a_stated_length_is_read_whole()
    {
        var body = Fixture("webhook.participant_joined.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/livekit")
        {
            Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(body))),
        };
        request.Content.Headers.ContentType = new("application/webhook+json");
        request.Headers.TryAddWithoutValidation("Authorization", WebhookSignatures.Sign(body, ApiFixture.ApiKey, ApiFixture.ApiSecret));

        var response = await api.AnonymousClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<(RecordingJson Recording, HttpClient Client)> StartRecordingAsync()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return ((await response.Content.ReadFromJsonAsync<RecordingJson>())!, teacher);
    }

    /// <summary>LiveKit's egress_ended fixture for our egress, with its file present in storage.</summary>
    private string EgressEndedFixtureFor(string egressId)
    {
        var file = Path.Combine(api.StorageRoot, FixtureFilePath["/recordings/".Length..]);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, new byte[1024]);
        return Fixture("webhook.egress_ended.complete.json").Replace(FixtureEgressId, egressId, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostSignedAsync(string body) =>
        PostAsync(body, WebhookSignatures.Sign(body, ApiFixture.ApiKey, ApiFixture.ApiSecret));

    private async Task<HttpResponseMessage> PostAsync(string body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/livekit")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/webhook+json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await api.AnonymousClient().SendAsync(request);
    }

    /// <summary>A fixture with an event id of its own: LiveKit's ids are unique, and a repeated one is a resend.</summary>
    private static string Fixture(string name) => LiveKitWebhooks.Fixture(name);

    [GeneratedRegex("\"(size|duration|startedAt|endedAt|updatedAt|createdAt)\"\\s*:\\s*\"(\\d+)\"")]
    private static partial Regex QuotedInteger();

    /// <summary>A readable stream that does not tell its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
