using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Reliability;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;

namespace ItqanRecording.Api.Tests.Recordings;

/// <summary>
/// An academy that reviews its recordings before students see them: until the teacher publishes one it is invisible
/// to the students everywhere (lists, the recording, its links and files, My recordings, badges), and hidden again
/// when the teacher hides it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PublishingTests(ApiFixture api)
{
    [Fact]
    public async Task A_recording_awaiting_review_is_invisible_to_students_everywhere_until_its_teacher_publishes_it()
    {
        var academy = await api.NewAcademyWithClassAsync();
        var admin = await api.SignedInClientAsync(academy.AdminEmail);
        var teacher = await api.SignedInClientAsync(academy.TeacherEmail);
        var student = await api.SignedInClientAsync(academy.StudentEmail);
        var settings = await admin.PutAsJsonAsync("/api/admin/publishing", new { reviewBeforePublishing = false, byKind = new { interactive = true } });
        settings.StatusCode.Should().Be(HttpStatusCode.OK, await settings.Content.ReadAsStringAsync());
        (await admin.GetFromJsonAsync<PublishingJson>("/api/admin/publishing"))!.Should()
            .BeEquivalentTo(new PublishingJson(false, new Dictionary<string, bool> { ["interactive"] = true }));

        var recording = await api.RecordClassAsync(teacher, academy.SessionId);
        recording.Publication.Should().Be("awaiting_review");
        var teachersView = await teacher.GetRecordingAsync(recording.Id);
        teachersView.StreamUrl.Should().NotBeNull("the teacher reviews it");

        await StudentSeesNothingAsync(student, academy.SessionId, teachersView);
        // The student was never given a link: the links are signed for whoever asked for the recording.
        (await api.AuditOfAsync(recording.Id)).Should().NotContain(e => e.Action == RecordingAuditAction.Streamed);

        await (await student.PutAsJsonAsync($"/api/recordings/{recording.Id}/publication", new { publication = "published" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.not_found");
        await (await teacher.PutAsJsonAsync($"/api/recordings/{recording.Id}/publication", new { publication = "awaiting_review" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        var published = await teacher.PutAsJsonAsync($"/api/recordings/{recording.Id}/publication", new { publication = "published" });
        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());

        var studentsView = await student.GetRecordingAsync(recording.Id);
        studentsView.Publication.Should().Be("published");
        (await student.GetAsync(studentsView.StreamUrl!)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await student.GetFromJsonAsync<List<RecordingJson>>($"/api/sessions/{academy.SessionId}/recordings"))!.Select(r => r.Id).Should().Equal(recording.Id);
        await (await student.PutAsJsonAsync($"/api/recordings/{recording.Id}/publication", new { publication = "hidden" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.control_forbidden");

        var hidden = await admin.PutAsJsonAsync($"/api/recordings/{recording.Id}/publication", new { publication = "hidden" });
        hidden.StatusCode.Should().Be(HttpStatusCode.OK);
        (await student.GetFromJsonAsync<List<RecordingJson>>($"/api/sessions/{academy.SessionId}/recordings"))!.Should().BeEmpty("hidden again");
        await (await student.GetAsync($"/api/recordings/{recording.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.not_found");
        (await api.AuditOfAsync(recording.Id)).Select(e => e.Action).Should().ContainInOrder(RecordingAuditAction.Published, RecordingAuditAction.Hidden);
    }

    [Fact]
    public async Task An_academy_that_does_not_review_publishes_its_recordings_when_they_complete()
    {
        var academy = await api.NewAcademyWithClassAsync();
        var teacher = await api.SignedInClientAsync(academy.TeacherEmail);
        var student = await api.SignedInClientAsync(academy.StudentEmail);

        var recording = await api.RecordClassAsync(teacher, academy.SessionId);

        recording.Publication.Should().Be("published");
        (await student.GetRecordingAsync(recording.Id)).StreamUrl.Should().NotBeNull();
    }

    [Fact]
    public async Task An_unknown_kind_in_the_publishing_settings_is_a_validation_problem()
    {
        var academy = await api.NewAcademyWithClassAsync();
        var admin = await api.SignedInClientAsync(academy.AdminEmail);

        await (await admin.PutAsJsonAsync("/api/admin/publishing", new { reviewBeforePublishing = true, byKind = new { sticker = true } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        (await admin.GetFromJsonAsync<PublishingJson>("/api/admin/publishing"))!.ReviewBeforePublishing.Should().BeFalse("a refused change changes nothing");
    }

    /// <summary>The student is shown nothing of the recording: not in the session, its badge, My recordings, nor by id, link or file.</summary>
    private static async Task StudentSeesNothingAsync(HttpClient student, Guid sessionId, RecordingJson recording)
    {
        (await student.GetFromJsonAsync<List<RecordingJson>>($"/api/sessions/{sessionId}/recordings"))!.Should().BeEmpty();
        var session = (await student.GetFromJsonAsync<SessionDetailJson>($"/api/sessions/{sessionId}"))!;
        (session.RecordingCount, session.RecordingAvailability).Should().Be((0, "idle"));
        (await student.GetFromJsonAsync<List<SessionSummaryJson>>("/api/sessions"))!.Single(s => s.Id == sessionId).RecordingCount.Should().Be(0);
        (await student.GetFromJsonAsync<MyRecordingsJson>("/api/me/recordings"))!.Items.Should().BeEmpty();
        await (await student.GetAsync($"/api/recordings/{recording.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.not_found");
        await (await student.GetAsync($"/api/recordings/{recording.Id}/stream")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.not_found");
        await (await student.GetAsync($"/api/recordings/{recording.Id}/download")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.not_found");
        await (await student.GetAsync($"/api/recordings/{recording.Id}/marks")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.not_found");
        await (await student.PostAsJsonAsync($"/api/recordings/{recording.Id}/progress", new { fromSeconds = 0, toSeconds = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.not_found");
    }

    private sealed record PublishingJson(bool ReviewBeforePublishing, Dictionary<string, bool> ByKind);

    private sealed record SessionDetailJson(Guid Id, int RecordingCount, string RecordingAvailability);

    private sealed record MyRecordingsJson(List<object> Items);
}
