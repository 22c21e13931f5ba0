using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Recordings;

[Collection(ApiCollection.Name)]
public sealed class RecordingLifecycleTests(ApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Start_stop_and_LiveKits_webhook_complete_the_recording_with_its_real_file()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var started = (await (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null))
            .Content.ReadFromJsonAsync<RecordingJson>())!;
        await api.Emulator.WaitUntilActiveAsync(started.EgressId);

        var stopResponse = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null);

        stopResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        var stopped = (await stopResponse.Content.ReadFromJsonAsync<RecordingJson>())!;
        stopped.Id.Should().Be(started.Id);
        stopped.Status.Should().Be("processing");
        stopped.EndedAt.Should().NotBeNull();

        var completed = await Poll.UntilAsync(
            () => teacher.GetFromJsonAsync<RecordingJson>($"/api/recordings/{started.Id}")!,
            r => r!.Status is "completed" or "failed");
        completed!.Status.Should().Be("completed", completed.Error);
        completed.CompletedAt.Should().NotBeNull();
        completed.File!.Format.Should().Be("mp4");
        var fileOnDisk = Directory.GetFiles(api.StorageRoot, completed.File.Name, SearchOption.AllDirectories).Single();
        completed.File.SizeBytes.Should().Be(new FileInfo(fileOnDisk).Length).And.BeGreaterThan(0);
        completed.DurationSeconds.Should().BeApproximately(2.0, 0.25, "the emulator records two seconds of media");
        completed.FormattedDuration.Should().Be("00:00:02");
        completed.FormattedFileSize.Should().NotBeNullOrEmpty();
        completed.DisplayName.Should().StartWith("Course");
    }

    [Fact]
    public async Task Stopping_before_LiveKit_began_recording_fails_the_recording_with_LiveKits_reason()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        await api.Emulator.SetFaultsAsync(new { holdStarting = true });
        var started = (await (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null))
            .Content.ReadFromJsonAsync<RecordingJson>())!;

        (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var failed = await Poll.UntilAsync(
            () => teacher.GetFromJsonAsync<RecordingJson>($"/api/recordings/{started.Id}")!, r => r!.Status != "processing");
        failed!.Status.Should().Be("failed");
        failed.Error.Should().Contain("Stop called before pipeline could start");
    }

    [Fact]
    public async Task Stop_without_an_active_recording_is_a_conflict()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);

        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("recording.not_active");
    }

    [Fact]
    public async Task A_student_may_not_stop_the_recording()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);
        var student = await api.SignedInClientAsync(TestData.Student);

        (await student.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var session = await teacher.GetFromJsonAsync<SessionDetailJson>($"/api/sessions/{sessionId}");
        session!.IsRecording.Should().BeTrue();
    }

    [Fact]
    public async Task The_session_shows_its_recording_state_and_the_users_permissions()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var student = await api.SignedInClientAsync(TestData.Student);

        var before = (await teacher.GetFromJsonAsync<SessionDetailJson>($"/api/sessions/{sessionId}"))!;
        await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);
        var during = (await student.GetFromJsonAsync<SessionDetailJson>($"/api/sessions/{sessionId}"))!;

        before.Should().Match<SessionDetailJson>(s => s.RecordingEnabled && s.CanBeRecorded && !s.IsRecording && s.ActiveRecording == null);
        before.Permissions.Should().Be(new PermissionsJson(true, true));
        during.IsRecording.Should().BeTrue();
        during.CanBeRecorded.Should().BeFalse();
        during.CannotRecordReason.Should().Be("already_recording");
        during.ActiveRecording!.Status.Should().Be("recording");
        during.Permissions.Should().Be(new PermissionsJson(false, true));
    }

    [Fact]
    public async Task Session_recordings_and_statistics_add_up()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var first = (await (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null)).Content.ReadFromJsonAsync<RecordingJson>())!;
        await api.Emulator.WaitUntilActiveAsync(first.EgressId);
        await teacher.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null);
        var completed = await Poll.UntilAsync(
            () => teacher.GetFromJsonAsync<RecordingJson>($"/api/recordings/{first.Id}")!, r => r!.Status == "completed");
        await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        var list = (await teacher.GetFromJsonAsync<List<RecordingJson>>($"/api/sessions/{sessionId}/recordings"))!;
        var stats = (await teacher.GetFromJsonAsync<StatisticsJson>($"/api/sessions/{sessionId}/recordings/stats"))!;

        list.Select(r => r.Status).Should().Equal("recording", "completed");
        stats.Total.Should().Be(2);
        stats.ByStatus.Should().Be(new StatusCountsJson(1, 0, 1, 0, 0));
        stats.TotalBytes.Should().Be(completed!.File!.SizeBytes);
        stats.TotalDurationSeconds.Should().BeApproximately(completed.DurationSeconds!.Value, 0.001);
    }

    [Fact]
    public async Task A_student_not_enrolled_sees_neither_the_session_nor_its_recordings()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var outsider = await api.SignedInClientAsync(TestData.Outsider);

        (await outsider.GetAsync($"/api/sessions/{sessionId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await outsider.GetAsync($"/api/sessions/{sessionId}/recordings")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await outsider.GetAsync($"/api/sessions/{sessionId}/recordings/stats")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var mine = (await outsider.GetFromJsonAsync<List<SessionSummaryJson>>("/api/sessions"))!;
        mine.Should().NotContain(s => s.Id == sessionId);
    }

    [Fact]
    public async Task My_sessions_lists_what_the_teacher_teaches_with_its_recording_badge()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        var mine = (await teacher.GetFromJsonAsync<List<SessionSummaryJson>>("/api/sessions"))!;

        mine.Single(s => s.Id == sessionId).Should().Match<SessionSummaryJson>(
            s => s.IsRecording && s.RecordingCount == 1 && s.LatestRecordingStatus == "recording" && s.Kind == "interactive");
    }
}

public sealed record PermissionsJson(bool CanControlRecording, bool CanAccessRecordings);

public sealed record SessionDetailJson(
    Guid Id,
    string Kind,
    string Title,
    string Status,
    bool RecordingEnabled,
    bool CanBeRecorded,
    string? CannotRecordReason,
    bool IsRecording,
    int RecordingCount,
    RecordingJson? ActiveRecording,
    PermissionsJson Permissions);

public sealed record SessionSummaryJson(Guid Id, string Kind, string Title, string Status, bool RecordingEnabled, bool IsRecording, int RecordingCount, string? LatestRecordingStatus);

public sealed record StatusCountsJson(int Recording, int Processing, int Completed, int Failed, int Deleted);

public sealed record StatisticsJson(int Total, StatusCountsJson ByStatus, long TotalBytes, double TotalDurationSeconds);
