using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Recordings.EmptyTrash;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        audit.Should().ContainSingle(e => e.Action == "deleted").Which.Details.Should().Be("to the trash");
    }

    [Fact]
    public async Task A_deleted_recording_waits_in_the_trash_until_an_admin_restores_it_to_what_it_was()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var recording = await api.NewRecordingAsync(academyId, Day);
        var admin = await api.SignedInClientAsync(adminEmail);
        (await admin.DeleteAsync($"/api/recordings/{recording.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var inTrash = (await admin.GetFromJsonAsync<RecordingPageJson>("/api/recordings?status=deleted"))!.Items.Single(r => r.Id == recording.Id);
        (inTrash.DeletedAt, inTrash.FilesRemovedAt).Should().Match<(DateTimeOffset?, DateTimeOffset?)>(t => t.Item1 != null && t.Item2 == null);

        var restored = await admin.PostAsync($"/api/recordings/{recording.Id}/restore", null);

        restored.StatusCode.Should().Be(HttpStatusCode.OK, await restored.Content.ReadAsStringAsync());
        (await restored.Content.ReadFromJsonAsync<RecordingJson>())!.Status.Should().Be("completed");
        (await StatusOfAsync(recording.Id)).Should().Be(RecordingStatus.Completed);
        File.Exists(FileOf(recording)).Should().BeTrue();
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryJson>>($"/api/recordings/{recording.Id}/audit"))!;
        audit[0].Action.Should().Be("restored");
        await (await admin.PostAsync($"/api/recordings/{recording.Id}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "recording.not_deleted");
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        (await teacher.PostAsync($"/api/recordings/{recording.Id}/restore", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Emptying_the_trash_removes_the_files_and_then_nothing_in_it_can_be_restored()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var deleted = await api.NewRecordingAsync(academyId, Day);
        var kept = await api.NewRecordingAsync(academyId, Day.AddHours(1));
        var admin = await api.SignedInClientAsync(adminEmail);
        await admin.DeleteAsync($"/api/recordings/{deleted.Id}");

        var emptied = await (await admin.PostAsync("/api/admin/trash/empty", null)).Content.ReadFromJsonAsync<TrashEmptiedJson>();

        emptied.Should().Be(new TrashEmptiedJson(1, deleted.File!.SizeBytes));
        File.Exists(FileOf(deleted)).Should().BeFalse();
        File.Exists(FileOf(kept)).Should().BeTrue("only what is in the trash goes");
        await (await admin.PostAsync($"/api/recordings/{deleted.Id}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "recording.files_removed");
        (await admin.GetFromJsonAsync<List<AuditEntryJson>>($"/api/recordings/{deleted.Id}/audit"))![0]
            .Should().Match<AuditEntryJson>(e => e.Action == "files_removed" && e.Details == "the trash was emptied" && e.UserName == "Other Admin");
        (await (await admin.PostAsync("/api/admin/trash/empty", null)).Content.ReadFromJsonAsync<TrashEmptiedJson>()).Should().Be(new TrashEmptiedJson(0, 0));
    }

    [Fact]
    public async Task A_recording_that_had_its_days_in_the_trash_loses_its_files_and_a_newer_one_keeps_them()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var admin = await api.SignedInClientAsync(adminEmail);
        await (await admin.PutAsJsonAsync("/api/admin/trash", new { days = 0 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        (await admin.PutAsJsonAsync("/api/admin/trash", new { days = 7 })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<TrashSettingsJson>("/api/admin/trash"))!.Days.Should().Be(7);
        var old = await api.NewRecordingAsync(academyId, Day);
        var recent = await api.NewRecordingAsync(academyId, Day);
        await api.WithDbAsync(async db =>
        {
            (await db.Recordings.SingleAsync(r => r.Id == old.Id)).Delete(null, DateTimeOffset.UtcNow.AddDays(-8), filesRemoved: false);
            (await db.Recordings.SingleAsync(r => r.Id == recent.Id)).Delete(null, DateTimeOffset.UtcNow.AddDays(-6), filesRemoved: false);
            await db.SaveChangesAsync();
        });

        // What the retention job sends every hour, for this academy alone.
        using (var scope = api.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EmptyTrashCommand(academyId, OnlyExpired: true, ByUserId: null));
        }

        File.Exists(FileOf(old)).Should().BeFalse();
        File.Exists(FileOf(recent)).Should().BeTrue();
        (await admin.GetFromJsonAsync<List<AuditEntryJson>>($"/api/recordings/{old.Id}/audit"))![0].Details.Should().Be("7 days in the trash");
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

    private sealed record TrashEmptiedJson(int Count, long TotalBytes);

    private sealed record TrashSettingsJson(int Days);

    private string FileOf(Domain.Recordings.Recording recording) => Path.Combine(api.StorageRoot, recording.File!.RelativePath);

    private Task<RecordingStatus> StatusOfAsync(Guid recordingId) =>
        api.WithDbAsync(db => db.Recordings.Where(r => r.Id == recordingId).Select(r => r.Status).SingleAsync());
}
