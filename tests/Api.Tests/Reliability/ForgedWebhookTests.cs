using System.Net;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>
/// Webhooks that do not come from LiveKit as they are are refused and change nothing. The other forgeries (no
/// header, wrong secret or key, tampered body, expired, Bearer prefix, garbage) are in LiveKitWebhookTests.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ForgedWebhookTests(ApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_real_token_replayed_with_another_body_is_unauthorized_and_changes_nothing()
    {
        var started = await api.StartRecordingAsync();
        var webhooks = api.AnonymousClient();
        // A genuine, accepted event: its token is what an eavesdropper could capture.
        var genuine = LiveKitWebhooks.For("webhook.egress_updated.active.json", started.Recording.EgressId);
        var capturedToken = WebhookSignatures.Sign(genuine, ApiFixture.ApiKey, ApiFixture.ApiSecret);
        (await webhooks.PostWebhookAsync(genuine, capturedToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        var forged = LiveKitWebhooks.For("webhook.egress_ended.failed.json", started.Recording.EgressId);

        var response = await webhooks.PostWebhookAsync(forged, capturedToken);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("recording");
        (await api.AuditOfAsync(started.Recording.Id)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_unauthorized()
    {
        var started = await api.StartRecordingAsync();
        var body = LiveKitWebhooks.For("webhook.egress_ended.failed.json", started.Recording.EgressId);
        var future = WebhookSignatures.Sign(body, ApiFixture.ApiKey, ApiFixture.ApiSecret, DateTime.UtcNow.AddMinutes(10));

        (await api.AnonymousClient().PostWebhookAsync(body, future)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("recording");
    }
}
