using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Recordings;

/// <summary>The session says what its recording panel shows, so the web app need not work it out.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionRecordingAvailabilityTests(ApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_session_is_idle_then_recording_then_its_recording_available_and_idle_again_once_deleted()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var student = await api.SignedInClientAsync(TestData.Student);
        (await AvailabilityAsync(teacher, sessionId)).Should().Be("idle");

        var started = (await (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null))
            .Content.ReadFromJsonAsync<RecordingJson>())!;
        (await AvailabilityAsync(teacher, sessionId)).Should().Be("recording");
        await api.Emulator.WaitUntilActiveAsync(started.EgressId);
        (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var finished = await Poll.UntilAsync(() => AvailabilityAsync(teacher, sessionId), a => a != "processing");
        finished.Should().Be("available");
        (await AvailabilityAsync(student, sessionId)).Should().Be("available");

        var admin = await api.SignedInClientAsync(TestData.Admin);
        (await admin.DeleteAsync($"/api/recordings/{started.Id}?removeFile=false")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await AvailabilityAsync(teacher, sessionId)).Should().Be("idle");
    }

    [Fact]
    public async Task A_session_whose_newest_recording_failed_says_so()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        await api.Emulator.SetFaultsAsync(new { holdStarting = true });
        (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null)).StatusCode.Should().Be(HttpStatusCode.Created);

        (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Poll.UntilAsync(() => AvailabilityAsync(teacher, sessionId), a => a != "processing")).Should().Be("failed");
    }

    private static async Task<string?> AvailabilityAsync(HttpClient client, Guid sessionId)
    {
        using var session = JsonDocument.Parse(await client.GetStringAsync($"/api/sessions/{sessionId}"));
        return session.RootElement.GetProperty("recordingAvailability").GetString();
    }
}
