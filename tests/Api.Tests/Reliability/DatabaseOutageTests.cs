using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>
/// PostgreSQL down, restarting or a connection dropped (a relay that resets every connection and refuses new ones):
/// every endpoint answers 503 with <c>Retry-After</c> and a problem, from the first request of the outage to the
/// first ones after it, and never a 500.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DatabaseOutageTests(ApiFixture api)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task While_the_database_is_out_of_reach_every_endpoint_answers_503_and_afterwards_they_work_again()
    {
        var database = new NpgsqlConnectionStringBuilder(api.Services.GetRequiredService<IConfiguration>().GetConnectionString("Recording"));
        await using var relay = new TcpProxy(database.Host!, database.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port };
        await using var instance = api.StartAnotherInstance(builder => builder.UseSetting("ConnectionStrings:Recording", throughRelay.ConnectionString));
        var teacher = await instance.SignedInClientAsync(TestData.Teacher);
        var admin = await instance.SignedInClientAsync(TestData.Admin);
        var student = await instance.SignedInClientAsync(TestData.Student);
        var sessionId = await api.NewInteractiveSessionAsync();
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.Write(new byte[100])));
        // Every connection of the pool is used once, so the outage meets pooled connections as well as new ones.
        (await teacher.GetAsync("/api/sessions")).StatusCode.Should().Be(HttpStatusCode.OK);

        var requests = Requests(teacher, admin, student, instance.AnonymousClient(), sessionId, recordingId);
        relay.Cut();
        foreach (var (name, send) in requests)
        {
            var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, $"{name} during the outage: {body}");
            response.Headers.RetryAfter.Should().NotBeNull(name);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", name);
            JsonSerializer.Deserialize<ProblemJson>(body, Json)!.Code.Should().NotBeNullOrEmpty(name);
        }

        (await instance.AnonymousClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

        relay.Restore();
        var afterwards = new List<string>();
        foreach (var (name, send) in requests)
        {
            var response = await send();
            afterwards.Add($"{name}: {(int)response.StatusCode}");
        }

        afterwards.Should().NotContain(answer => answer.EndsWith(": 500", StringComparison.Ordinal));
        await Poll.UntilAsync(() => teacher.GetAsync("/api/sessions"), r => r.StatusCode == HttpStatusCode.OK);
        (await instance.AnonymousClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var (name, send) in requests)
        {
            var response = await send();
            ((int)response.StatusCode).Should().BeLessThan(500, $"{name} once the database is back: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static List<(string Name, Func<Task<HttpResponseMessage>> Send)> Requests(
        HttpClient teacher, HttpClient admin, HttpClient student, HttpClient anonymous, Guid sessionId, Guid recordingId) =>
    [
        ("list my sessions", () => teacher.GetAsync("/api/sessions")),
        ("one session", () => teacher.GetAsync($"/api/sessions/{sessionId}")),
        ("start", () => teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null)),
        ("stop", () => teacher.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null)),
        ("catalogue", () => admin.GetAsync("/api/recordings")),
        ("statistics", () => admin.GetAsync("/api/recordings/stats")),
        ("one recording", () => student.GetAsync($"/api/recordings/{recordingId}")),
        ("download", () => student.GetAsync($"/api/recordings/{recordingId}/download")),
        ("sign in", () => anonymous.PostAsJsonAsync("/api/auth/login", new { email = TestData.Student, password = "wrong" })),
        ("webhook", () => anonymous.PostSignedAsync(LiveKitWebhooks.For("webhook.egress_ended.failed.json", $"EG_{Guid.NewGuid():N}"[..20]))),
    ];
}
