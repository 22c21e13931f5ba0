using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.Recordings;

[Collection(ApiCollection.Name)]
public sealed class StartRecordingTests(ApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Teacher_starts_a_recording_and_LiveKit_gets_one_egress_for_the_room()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);

        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var recording = (await response.Content.ReadFromJsonAsync<RecordingJson>())!;
        response.Headers.Location!.ToString().Should().Be($"/api/recordings/{recording.Id}");
        recording.Status.Should().Be("recording");
        recording.SessionKind.Should().Be("interactive");
        recording.EgressId.Should().StartWith("EG_");
        var egress = (await api.Emulator.GetStateAsync()).Egress.Single(e => e.EgressId == recording.EgressId);
        egress.RoomName.Should().Be(recording.RoomName);
        egress.Filepath.Should().MatchRegex($@"^/recordings/interactive/\d{{4}}/\d{{2}}/session-{sessionId:N}-\d{{8}}_\d{{6}}\.mp4$");
    }

    [Fact]
    public async Task A_second_start_while_recording_is_a_conflict()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null)).StatusCode.Should().Be(HttpStatusCode.Created);

        var second = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("recording.already_active");
        (await CountRecordingsAsync(sessionId)).Should().Be(1);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(12)]
    public async Task Concurrent_starts_make_exactly_one_egress_and_one_recording(int concurrentStarts)
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var egressBefore = (await api.Emulator.GetStateAsync()).Egress.Count(e => e.RoomName == RoomOf(sessionId));

        var responses = await Task.WhenAll(Enumerable.Range(0, concurrentStarts)
            .Select(_ => teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(concurrentStarts - 1);
        (await CountRecordingsAsync(sessionId)).Should().Be(1);
        var egressAfter = (await api.Emulator.GetStateAsync()).Egress.Count(e => e.RoomName == RoomOf(sessionId));
        (egressAfter - egressBefore).Should().Be(1);
    }

    [Fact]
    public async Task A_course_with_recording_off_is_unprocessable()
    {
        var sessionId = await api.NewInteractiveSessionAsync(recordingEnabled: false);
        var teacher = await api.SignedInClientAsync(TestData.Teacher);

        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("recording.disabled");
        (await CountRecordingsAsync(sessionId)).Should().Be(0);
    }

    [Fact]
    public async Task A_session_not_ready_is_unprocessable()
    {
        var sessionId = await api.NewInteractiveSessionAsync(status: SessionStatus.Scheduled);
        var teacher = await api.SignedInClientAsync(TestData.Teacher);

        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("recording.session_not_ready");
    }

    [Fact]
    public async Task A_session_without_a_meeting_room_is_unprocessable()
    {
        var sessionId = await api.NewInteractiveSessionAsync(withRoom: false);
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var response = await admin.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("recording.no_meeting_room");
    }

    [Theory]
    [InlineData(TestData.Student)]
    [InlineData(TestData.Outsider)]
    public async Task A_student_may_not_start_a_recording(string email)
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var student = await api.SignedInClientAsync(email);

        var response = await student.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CountRecordingsAsync(sessionId)).Should().Be(0);
    }

    [Fact]
    public async Task An_admin_of_the_academy_may_start_a_recording()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var admin = await api.SignedInClientAsync(TestData.Admin);

        (await admin.PostAsync($"/api/sessions/{sessionId}/recordings", null)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_unknown_session_is_not_found()
    {
        var teacher = await api.SignedInClientAsync(TestData.Teacher);

        var response = await teacher.PostAsync($"/api/sessions/{Guid.NewGuid()}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_session_of_another_academy_does_not_exist_for_its_neighbours()
    {
        var (otherAcademy, otherAdmin) = await api.NewAcademyWithAdminAsync();
        var sessionId = await api.NewInteractiveSessionAsync(academyId: otherAcademy);
        var ourAdmin = await api.SignedInClientAsync(TestData.Admin);

        (await ourAdmin.PostAsync($"/api/sessions/{sessionId}/recordings", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var theirAdmin = await api.SignedInClientAsync(otherAdmin);
        (await theirAdmin.PostAsync($"/api/sessions/{sessionId}/recordings", null)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task LiveKit_unavailable_gives_503_and_leaves_no_recording()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        await api.Emulator.SetFaultsAsync(new { failStart = new { code = "unavailable", msg = "no response from servers" } });

        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("livekit.unavailable");
        (await CountRecordingsAsync(sessionId)).Should().Be(0);
    }

    [Fact]
    public async Task LiveKit_refusing_the_request_gives_502_and_leaves_no_recording()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        await api.Emulator.SetFaultsAsync(new { failStart = new { code = "not_found", msg = "requested room does not exist" } });

        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await CountRecordingsAsync(sessionId)).Should().Be(0);
    }

    private static string RoomOf(Guid sessionId) =>
        Infrastructure.Persistence.Seeding.DemoData.RoomNameFor(SessionKind.Interactive, sessionId);

    private Task<int> CountRecordingsAsync(Guid sessionId) =>
        api.WithDbAsync(db => db.Recordings.CountAsync(r => r.SessionId == sessionId && r.Status != RecordingStatus.Deleted));
}
