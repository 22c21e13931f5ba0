using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Platform;

[Collection(ApiCollection.Name)]
public sealed class SecurityHeadersTests(ApiFixture api)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/auth/me")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/api/sessions")]
    public async Task Every_answer_carries_the_security_headers_and_no_server_header(string path)
    {
        var client = await api.SignedInClientAsync(TestData.Teacher);
        if (path == "/api/auth/me")
        {
            client = api.AnonymousClient();
        }

        var response = await client.GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self';");
        response.Headers.Contains("Server").Should().BeFalse();
    }

    [Fact]
    public async Task Recording_json_carrying_signed_links_is_never_stored()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.Write(new byte[10])));
        var teacher = await api.SignedInClientAsync(TestData.Teacher);

        var response = await teacher.GetAsync($"/api/recordings/{recordingId}");

        (await response.Content.ReadFromJsonAsync<RecordingJson>())!.StreamUrl.Should().NotBeNullOrEmpty();
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }
}
