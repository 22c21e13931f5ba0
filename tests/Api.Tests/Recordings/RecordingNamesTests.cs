using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Reliability;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;

namespace ItqanRecording.Api.Tests.Recordings;

/// <summary>Recordings that can be told apart: named by their start in the academy's time zone, renamed by their teacher.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecordingNamesTests(ApiFixture api)
{
    [Fact]
    public async Task A_recording_is_named_by_its_start_in_the_academys_time_zone_and_its_teacher_renames_it()
    {
        var started = await api.StartRecordingAsync(waitUntilActive: false);
        var riyadh = TimeZoneInfo.ConvertTime(started.Recording.StartedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh"));
        started.Recording.DisplayName.Should().EndWith($" - {riyadh:yyyy-MM-dd HH:mm}", "the demo academy keeps its timetable in Riyadh");

        var renamed = await started.Teacher.PatchAsJsonAsync($"/api/recordings/{started.Recording.Id}", new { displayName = "  Noon sakinah, first lesson " });

        renamed.StatusCode.Should().Be(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        (await renamed.Content.ReadFromJsonAsync<RecordingJson>())!.DisplayName.Should().Be("Noon sakinah, first lesson");
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).DisplayName.Should().Be("Noon sakinah, first lesson");
        var audit = (await api.AuditOfAsync(started.Recording.Id)).Single(e => e.Action == RecordingAuditAction.Renamed);
        audit.Details.Should().Be($"was: {started.Recording.DisplayName}");
        (await started.Teacher.PostAsync($"/api/sessions/{started.SessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_the_teacher_and_the_admins_rename_and_a_name_is_not_empty()
    {
        var started = await api.StartRecordingAsync(waitUntilActive: false);
        var path = $"/api/recordings/{started.Recording.Id}";
        var student = await api.SignedInClientAsync(TestData.Student);
        var outsider = await api.SignedInClientAsync(TestData.Outsider);
        var admin = await api.SignedInClientAsync(TestData.Admin);

        await (await student.PatchAsJsonAsync(path, new { displayName = "mine" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.control_forbidden");
        await (await outsider.PatchAsJsonAsync(path, new { displayName = "mine" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
        await (await started.Teacher.PatchAsJsonAsync(path, new { displayName = "   " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        await (await started.Teacher.PatchAsJsonAsync(path, new { displayName = new string('x', 201) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).DisplayName.Should().Be(started.Recording.DisplayName, "a refused rename changes nothing");
        (await admin.PatchAsJsonAsync(path, new { displayName = "Renamed by the admin" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await started.Teacher.PostAsync($"/api/sessions/{started.SessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_sets_the_academys_time_zone_from_the_tz_database()
    {
        var (_, adminEmail) = await api.NewAcademyWithAdminAsync();
        var admin = await api.SignedInClientAsync(adminEmail);

        (await admin.GetFromJsonAsync<TimeZoneJson>("/api/admin/time-zone"))!.TimeZone.Should().Be("UTC");
        await (await admin.PutAsJsonAsync("/api/admin/time-zone", new { timeZone = "Mecca/Haram" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        (await admin.PutAsJsonAsync("/api/admin/time-zone", new { timeZone = "Africa/Cairo" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<TimeZoneJson>("/api/admin/time-zone"))!.TimeZone.Should().Be("Africa/Cairo");
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        (await teacher.GetAsync("/api/admin/time-zone")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private sealed record TimeZoneJson(string TimeZone);
}
