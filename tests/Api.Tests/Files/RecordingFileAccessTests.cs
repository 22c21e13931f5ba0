using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.Files;

/// <summary>The file goes to exactly those who may see the recording, as GET /api/recordings/{id} decides.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecordingFileAccessTests(ApiFixture api) : IAsyncLifetime
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 1_000).Select(i => (byte)i)];

    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("stream")]
    [InlineData("download")]
    public async Task A_student_of_the_course_gets_the_file(string action)
    {
        var recordingId = await NewRecordingWithFileAsync();
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recordingId}/{action}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Content);
    }

    [Theory]
    [InlineData("stream")]
    [InlineData("download")]
    public async Task A_student_not_enrolled_is_forbidden(string action)
    {
        var recordingId = await NewRecordingWithFileAsync();
        var outsider = await api.SignedInClientAsync(TestData.Outsider);

        var response = await outsider.GetAsync($"/api/recordings/{recordingId}/{action}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
    }

    [Fact]
    public async Task Another_academys_admin_does_not_see_that_it_exists()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var (_, otherAdminEmail) = await api.NewAcademyWithAdminAsync();
        var otherAdmin = await api.SignedInClientAsync(otherAdminEmail);

        var response = await otherAdmin.GetAsync($"/api/recordings/{recordingId}/stream");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.not_found");
    }

    [Theory]
    [InlineData("stream")]
    [InlineData("download")]
    public async Task Without_a_sign_in_or_a_link_the_file_is_refused(string action)
    {
        var recordingId = await NewRecordingWithFileAsync();

        var response = await api.AnonymousClient().GetAsync($"/api/recordings/{recordingId}/{action}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "recording.sign_in_required");
    }

    [Fact]
    public async Task A_recording_still_running_has_no_file_yet()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var started = (await (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null))
            .Content.ReadFromJsonAsync<RecordingJson>())!;

        var response = await teacher.GetAsync($"/api/recordings/{started.Id}/stream");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "recording.file_not_ready");
        problem.Detail.Should().Be("Only a completed recording has a file; this one is recording.");
    }

    [Fact]
    public async Task A_file_missing_from_storage_is_not_found()
    {
        var recordingId = await api.NewCompletedRecordingAsync(new RecordingFile("files/never-written.mp4", 1_000, RecordingFormat.Mp4));
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recordingId}/stream");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.file_missing");
        problem.Detail.Should().Be("The recording file is missing from storage.");
    }

    [Fact]
    public async Task A_stored_path_leaving_the_storage_root_is_never_followed()
    {
        var outside = Path.Combine(Path.GetDirectoryName(api.StorageRoot)!, $"outside-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(outside, Content);
        try
        {
            var recordingId = await api.NewCompletedRecordingAsync(
                new RecordingFile($"../{Path.GetFileName(outside)}", Content.Length, RecordingFormat.Mp4));
            var student = await api.SignedInClientAsync(TestData.Student);

            var response = await student.GetAsync($"/api/recordings/{recordingId}/stream");

            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.file_missing");
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task A_deleted_recording_is_gone_for_students_but_its_kept_file_still_reaches_the_admin()
    {
        var recordingId = await NewRecordingWithFileAsync();
        await DeleteAsync(recordingId);
        var student = await api.SignedInClientAsync(TestData.Student);
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var forStudent = await student.GetAsync($"/api/recordings/{recordingId}/stream");
        var forAdmin = await admin.GetAsync($"/api/recordings/{recordingId}/download");

        await forStudent.ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.not_found");
        forAdmin.StatusCode.Should().Be(HttpStatusCode.OK);
        (await forAdmin.Content.ReadAsByteArrayAsync()).Should().Equal(Content);
    }

    [Fact]
    public async Task A_deleted_recording_whose_file_was_removed_is_not_found_even_for_the_admin()
    {
        var file = api.NewStoredFile(f => f.Write(Content));
        var recordingId = await api.NewCompletedRecordingAsync(file);
        await DeleteAsync(recordingId);
        File.Delete(Path.Combine(api.StorageRoot, file.RelativePath));
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var response = await admin.GetAsync($"/api/recordings/{recordingId}/stream");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.file_missing");
    }

    private Task<Guid> NewRecordingWithFileAsync() => api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.Write(Content)));

    private Task DeleteAsync(Guid recordingId) =>
        api.WithDbAsync(async db =>
        {
            (await db.Recordings.SingleAsync(r => r.Id == recordingId)).Delete(deletedByUserId: null, DateTimeOffset.UtcNow, filesRemoved: false);
            await db.SaveChangesAsync();
        });
}
