using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.Catalogue;

[Collection(ApiCollection.Name)]
public sealed class DeleteRecordingTests(ApiFixture api) : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Deleting_with_removeFile_removes_the_file_and_keeps_the_recording_as_deleted_for_admins()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var recording = await api.NewRecordingAsync(academyId, Day);
        var admin = await api.SignedInClientAsync(adminEmail);

        var response = await admin.DeleteAsync($"/api/recordings/{recording.Id}?removeFile=true");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        File.Exists(FileOf(recording)).Should().BeFalse();
        var listed = (await admin.GetFromJsonAsync<RecordingPageJson>("/api/recordings?status=deleted"))!.Items;
        listed.Should().ContainSingle(r => r.Id == recording.Id);
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryJson>>($"/api/recordings/{recording.Id}/audit"))!;
        audit[0].Should().Match<AuditEntryJson>(e => e.Action == "deleted" && e.Details == "file removed" && e.UserName == "Other Admin");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?removeFile=false")]
    public async Task Deleting_without_removeFile_keeps_the_file(string query)
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var recording = await api.NewRecordingAsync(academyId, Day);
        var admin = await api.SignedInClientAsync(adminEmail);

        (await admin.DeleteAsync($"/api/recordings/{recording.Id}{query}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        File.Exists(FileOf(recording)).Should().BeTrue();
        (await StatusOfAsync(recording.Id)).Should().Be(RecordingStatus.Deleted);
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryJson>>($"/api/recordings/{recording.Id}/audit"))!;
        audit.Should().ContainSingle(e => e.Action == "deleted").Which.Details.Should().Be("file kept");
    }

    [Fact]
    public async Task A_recording_still_recording_cannot_be_deleted()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var recording = await api.NewRecordingAsync(academyId, TestData.JustNow(), RecordingStatus.Recording);
        var admin = await api.SignedInClientAsync(adminEmail);

        var response = await admin.DeleteAsync($"/api/recordings/{recording.Id}?removeFile=true");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("recording.still_recording");
        (await StatusOfAsync(recording.Id)).Should().Be(RecordingStatus.Recording);
    }

    [Fact]
    public async Task A_processing_recording_may_be_deleted()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var recording = await api.NewRecordingAsync(academyId, TestData.JustNow(), RecordingStatus.Processing);
        var admin = await api.SignedInClientAsync(adminEmail);

        (await admin.DeleteAsync($"/api/recordings/{recording.Id}?removeFile=true")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await StatusOfAsync(recording.Id)).Should().Be(RecordingStatus.Deleted);
    }

    [Fact]
    public async Task Deleting_twice_is_a_conflict_and_audited_once()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var recording = await api.NewRecordingAsync(academyId, Day);
        var admin = await api.SignedInClientAsync(adminEmail);
        await admin.DeleteAsync($"/api/recordings/{recording.Id}");

        var again = await admin.DeleteAsync($"/api/recordings/{recording.Id}?removeFile=true");

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("recording.already_deleted");
        File.Exists(FileOf(recording)).Should().BeTrue();
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryJson>>($"/api/recordings/{recording.Id}/audit"))!;
        audit.Count(e => e.Action == "deleted").Should().Be(1);
    }

    [Fact]
    public async Task An_unknown_recording_is_not_found()
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);

        (await admin.DeleteAsync($"/api/recordings/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/recordings/{Guid.NewGuid()}/audit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(TestData.Teacher)]
    [InlineData(TestData.Student)]
    public async Task Only_academy_admins_may_delete_or_read_the_audit(string email)
    {
        var recording = await api.NewRecordingAsync(Infrastructure.Persistence.Seeding.DemoData.AcademyId, Day);
        var user = await api.SignedInClientAsync(email);

        (await user.DeleteAsync($"/api/recordings/{recording.Id}?removeFile=true")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await user.GetAsync($"/api/recordings/{recording.Id}/audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await StatusOfAsync(recording.Id)).Should().Be(RecordingStatus.Completed);
        File.Exists(FileOf(recording)).Should().BeTrue();
    }

    [Fact]
    public async Task A_deleted_recording_disappears_for_its_student_stays_for_the_admin_and_its_audit_trail_names_everyone()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var student = await api.SignedInClientAsync(TestData.Student);
        var admin = await api.SignedInClientAsync(TestData.Admin);
        var started = (await (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null)).Content.ReadFromJsonAsync<RecordingJson>())!;
        await api.Emulator.WaitUntilActiveAsync(started.EgressId);
        await teacher.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null);
        var completed = await Poll.UntilAsync(
            () => teacher.GetFromJsonAsync<RecordingJson>($"/api/recordings/{started.Id}")!, r => r!.Status is "completed" or "failed");
        completed!.Status.Should().Be("completed");
        (await student.GetAsync($"/api/recordings/{started.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var file = Directory.GetFiles(api.StorageRoot, completed.File!.Name, SearchOption.AllDirectories).Single();

        (await admin.DeleteAsync($"/api/recordings/{started.Id}?removeFile=true")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        File.Exists(file).Should().BeFalse();
        (await student.GetAsync($"/api/recordings/{started.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await student.GetFromJsonAsync<List<RecordingJson>>($"/api/sessions/{sessionId}/recordings"))!.Should().BeEmpty();
        (await admin.GetFromJsonAsync<RecordingJson>($"/api/recordings/{started.Id}"))!.Status.Should().Be("deleted");
        (await admin.GetFromJsonAsync<List<RecordingJson>>($"/api/sessions/{sessionId}/recordings"))!
            .Should().ContainSingle(r => r.Id == started.Id && r.Status == "deleted");
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryJson>>($"/api/recordings/{started.Id}/audit"))!;
        audit.Select(e => (e.Action, e.UserName)).Should().Equal(
            ("deleted", "Academy Admin"), ("completed", null), ("stopped", "Ustadh Yusuf"), ("started", "Ustadh Yusuf"));
        audit.Select(e => e.At).Should().BeInDescendingOrder();
        audit[0].Details.Should().Be("file removed");
    }

    private string FileOf(Domain.Recordings.Recording recording) => Path.Combine(api.StorageRoot, recording.File!.RelativePath);

    private Task<RecordingStatus> StatusOfAsync(Guid recordingId) =>
        api.WithDbAsync(db => db.Recordings.Where(r => r.Id == recordingId).Select(r => r.Status).SingleAsync());
}
