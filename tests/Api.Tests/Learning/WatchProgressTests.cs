using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;
using static ItqanRecording.Api.Tests.Learning.LearningWebhooks;

namespace ItqanRecording.Api.Tests.Learning;

/// <summary>The player's heartbeats become what a student has watched, merged, and where they resume.</summary>
[Collection(ApiCollection.Name)]
public sealed class WatchProgressTests(ApiFixture api)
{
    [Fact]
    public async Task Heartbeats_merge_into_the_seconds_watched_and_the_position_to_resume_from()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), duration: TimeSpan.FromSeconds(100));
        var student = await api.SignedInClientAsync(TestData.Student);

        foreach (var (from, to) in new[] { (0.0, 30.0), (20.4, 50.0), (60.0, 69.6) })
        {
            (await Beat(student, recordingId, from, to)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        await api.FlushWatchProgressAsync();
        var progress = (await student.GetFromJsonAsync<ProgressJson>($"/api/recordings/{recordingId}/progress"))!;
        progress.Should().Be(new ProgressJson(70, 60, 0.6, false), "0–30 and 20–50 overlap: 0–50 and 60–70 were seen");

        await Beat(student, recordingId, 50, 60);
        await api.FlushWatchProgressAsync();
        await Beat(student, recordingId, 70, 100);
        await api.FlushWatchProgressAsync();
        progress = (await student.GetFromJsonAsync<ProgressJson>($"/api/recordings/{recordingId}/progress"))!;
        progress.Should().Be(new ProgressJson(100, 100, 1.0, true));
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        (await teacher.GetFromJsonAsync<ProgressJson>($"/api/recordings/{recordingId}/progress"))!
            .Should().Be(new ProgressJson(0, 0, 0, false), "progress is each user's own");
    }

    [Fact]
    public async Task A_heartbeat_outside_the_recording_or_too_long_or_backwards_is_refused_and_changes_nothing()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), duration: TimeSpan.FromSeconds(100));
        var student = await api.SignedInClientAsync(TestData.Student);

        await (await Beat(student, recordingId, 95, 103)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "progress.past_the_end");
        (await Beat(student, recordingId, 0, 61)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Beat(student, recordingId, 10, 5)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Beat(student, recordingId, -1, 5)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await student.PostAsync($"/api/recordings/{recordingId}/progress", new StringContent("{\"fromSeconds\":\"x\"}", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await api.FlushWatchProgressAsync();

        (await api.WithDbAsync(db => db.WatchProgress.AnyAsync(p => p.RecordingId == recordingId))).Should().BeFalse();
    }

    [Fact]
    public async Task Only_someone_who_may_watch_the_recording_reports_progress_on_it()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), duration: TimeSpan.FromSeconds(100));
        var outsider = await api.SignedInClientAsync(TestData.Outsider);

        await (await Beat(outsider, recordingId, 0, 10)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
        (await outsider.GetAsync($"/api/recordings/{recordingId}/progress")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Beat(api.AnonymousClient(), recordingId, 0, 10)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Beat(outsider, Guid.NewGuid(), 0, 10)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await api.FlushWatchProgressAsync();
        (await api.WithDbAsync(db => db.WatchProgress.AnyAsync(p => p.RecordingId == recordingId))).Should().BeFalse();
    }

    [Fact]
    public async Task A_heartbeat_sent_with_the_recordings_progress_link_and_no_sign_in_counts_for_the_links_user()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), duration: TimeSpan.FromSeconds(100));
        var student = await api.SignedInClientAsync(TestData.Student);
        var progressUrl = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!.ProgressUrl;
        progressUrl.Should().StartWith($"/api/recordings/{recordingId}/progress?");
        var player = api.AnonymousClient();

        (await player.PostAsJsonAsync(progressUrl, new { fromSeconds = 0, toSeconds = 40 })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await api.FlushWatchProgressAsync();

        (await student.GetFromJsonAsync<ProgressJson>($"/api/recordings/{recordingId}/progress"))!
            .Should().Be(new ProgressJson(40, 40, 0.4, false));
        await (await player.GetAsync(progressUrl)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.sign_in_required");
    }

    [Fact]
    public async Task A_progress_link_reports_nothing_for_another_recording_when_expired_or_when_its_user_may_not_watch()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), duration: TimeSpan.FromSeconds(100));
        var other = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), duration: TimeSpan.FromSeconds(100));
        var links = (await (await api.SignedInClientAsync(TestData.Student)).GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;
        var signer = api.Services.GetRequiredService<DataProtectionRecordingLinkSigner>();
        var player = api.AnonymousClient();
        var span = new { fromSeconds = 0, toSeconds = 10 };

        await (await player.PostAsJsonAsync(links.ProgressUrl!.Replace(recordingId.ToString(), other.ToString()), span))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.link_invalid");
        await (await player.PostAsJsonAsync(links.StreamUrl!.Replace("/stream?", "/progress?"), span))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.link_invalid");
        var expired = signer.Sign(recordingId, RecordingFileAction.Progress, DemoData.StudentId, DateTimeOffset.UtcNow.AddSeconds(-1));
        await (await player.PostAsJsonAsync(expired.Url, span)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "recording.link_expired");
        var outsiders = signer.Sign(recordingId, RecordingFileAction.Progress, DemoData.OutsiderId, DateTimeOffset.UtcNow.AddMinutes(5));
        await (await player.PostAsJsonAsync(outsiders.Url, span)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
        await api.FlushWatchProgressAsync();

        (await api.WithDbAsync(db => db.WatchProgress.AnyAsync(p => p.RecordingId == recordingId || p.RecordingId == other))).Should().BeFalse();
    }

    [Fact]
    public async Task A_student_who_missed_the_class_needs_to_catch_up_until_they_have_watched_its_recording()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), duration: TimeSpan.FromSeconds(100));
        var sessionId = await api.WithDbAsync(db => db.Recordings.Where(r => r.Id == recordingId).Select(r => r.SessionId).SingleAsync());
        var room = DemoData.RoomNameFor(SessionKind.Interactive, sessionId);
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        await api.AnonymousClient().PostSignedAsync(Participant("participant_joined", room, $"PA_{Guid.NewGuid():N}", "teacher@demo.itqan", start, start));
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var student = await api.SignedInClientAsync(TestData.Student);

        var before = (await teacher.GetFromJsonAsync<AttendanceJson>($"/api/sessions/{sessionId}/attendance"))!.Students.Single();
        (before.Missed, before.Watched, before.NeedsToCatchUp).Should().Be((true, false, true));

        for (var from = 0; from < 100; from += 20)
        {
            await Beat(student, recordingId, from, from + 20);
        }

        await api.FlushWatchProgressAsync();

        var after = (await teacher.GetFromJsonAsync<AttendanceJson>($"/api/sessions/{sessionId}/attendance"))!.Students.Single();
        (after.Missed, after.WatchedCoverage, after.Watched, after.NeedsToCatchUp).Should().Be((true, 1.0, true, false));
    }

    private sealed record ProgressJson(int PositionSeconds, int WatchedSeconds, double Coverage, bool Watched);

    private sealed record AttendanceJson(List<StudentJson> Students);

    private sealed record StudentJson(bool Missed, double WatchedCoverage, bool Watched, bool NeedsToCatchUp);
}
