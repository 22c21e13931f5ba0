using System.Net;
using System.Net.Http.Json;
using Amazon.S3.Model;
using ItqanRecording.Api.CommandLine;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Recordings.MigrateStorage;
using ItqanRecording.Domain.Recordings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.ObjectStorage;

/// <summary>
/// <c>migrate-storage</c> moves the files written before the switch to S3 into the bucket: copy, verify, switch the
/// row; resumable, with a dry run. A fixture of its own, since it moves every local file of its database.
/// </summary>
public sealed class StorageMigrationTests(ObjectStorageApiFixture api) : IClassFixture<ObjectStorageApiFixture>
{
    [Fact]
    public async Task A_dry_run_lists_the_local_files_and_changes_nothing()
    {
        var (recordingId, file, _) = await LocalRecordingAsync(700);

        var report = await MigrateAsync(dryRun: true);

        report.Files.Should().ContainSingle(f => f.RecordingId == recordingId).Which.Outcome.Should().Be(MigrationOutcome.WouldCopy);
        (await StoreOfAsync(recordingId)).Should().Be(StorageProvider.Local);
        (await ObjectExistsAsync(file)).Should().BeFalse();
    }

    [Fact]
    public async Task Each_file_is_copied_checked_and_switched_and_then_streams_from_the_bucket()
    {
        var (recordingId, file, content) = await LocalRecordingAsync(5000);

        var report = await MigrateAsync(dryRun: false);

        report.Complete.Should().BeTrue();
        report.Files.Should().ContainSingle(f => f.RecordingId == recordingId).Which.Outcome.Should().Be(MigrationOutcome.Copied);
        (await StoreOfAsync(recordingId)).Should().Be(StorageProvider.S3);
        (await ObjectBytesAsync(file)).Should().Equal(content);
        var student = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = api.BaseAddress };
        await ApiFixture.SignInAsync(student, TestData.Student, TestData.Password);
        var response = await student.GetAsync($"/api/recordings/{recordingId}/stream");
        response.StatusCode.Should().Be(HttpStatusCode.Found);
        using var store = new HttpClient();
        (await store.GetByteArrayAsync(response.Headers.Location)).Should().Equal(content);
    }

    [Fact]
    public async Task A_second_run_takes_up_only_what_is_left_and_replaces_a_half_made_copy()
    {
        var (first, _, _) = await LocalRecordingAsync(300);
        await MigrateAsync(dryRun: false);
        var (second, file, content) = await LocalRecordingAsync(400);
        // What an interrupted run leaves: an object under the key, the row still local.
        using (var s3 = api.S3())
        {
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = api.Bucket, Key = KeyOf(file), InputStream = new MemoryStream(new byte[10]), UseChunkEncoding = false,
            });
        }

        var report = await MigrateAsync(dryRun: false);

        report.Files.Select(f => f.RecordingId).Should().Contain(second).And.NotContain(first);
        (await StoreOfAsync(second)).Should().Be(StorageProvider.S3);
        (await ObjectBytesAsync(file)).Should().Equal(content);
    }

    [Fact]
    public async Task The_command_line_prints_a_line_per_file_and_a_total_and_exits_zero_when_done()
    {
        var (recordingId, file, _) = await LocalRecordingAsync(250);
        using var output = new StringWriter();

        var exitCode = await MigrateStorageCommandLine.RunAsync(api.Services, ["migrate-storage"], output);

        exitCode.Should().Be(0);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain(line => line.StartsWith("Copied", StringComparison.Ordinal) && line.Contains(recordingId.ToString(), StringComparison.Ordinal)
            && line.Contains(file.RelativePath, StringComparison.Ordinal));
        lines[^1].Should().Contain("complete");
        MigrateStorageCommandLine.Wants(["migrate-storage", "--dry-run"]).Should().BeTrue();
        MigrateStorageCommandLine.Wants([]).Should().BeFalse();
    }

    [Fact]
    public async Task A_local_file_that_is_gone_is_reported_and_its_recording_left_as_it_was()
    {
        var (recordingId, file, _) = await LocalRecordingAsync(100);
        File.Delete(Path.Combine(api.StorageRoot, file.RelativePath));

        var report = await MigrateAsync(dryRun: false);

        report.Files.Should().ContainSingle(f => f.RecordingId == recordingId).Which.Outcome.Should().Be(MigrationOutcome.MissingLocally);
        report.Complete.Should().BeTrue("a missing file is reported, not a failure of the run");
        (await StoreOfAsync(recordingId)).Should().Be(StorageProvider.Local);
    }

    private async Task<(Guid RecordingId, RecordingFile File, byte[] Content)> LocalRecordingAsync(int length)
    {
        var content = new byte[length];
        Random.Shared.NextBytes(content);
        var file = api.NewStoredFile(f => f.Write(content));
        return (await api.NewCompletedRecordingAsync(file), file, content);
    }

    private async Task<StorageMigrationReport> MigrateAsync(bool dryRun)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new MigrateStorageCommand(dryRun));
    }

    private Task<StorageProvider> StoreOfAsync(Guid recordingId) =>
        api.WithDbAsync(async db => (await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == recordingId)).File!.Store);

    private static string KeyOf(RecordingFile file) => ObjectStorageApiFixture.KeyPrefix + file.RelativePath;

    private async Task<bool> ObjectExistsAsync(RecordingFile file)
    {
        using var s3 = api.S3();
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = api.Bucket, Prefix = KeyOf(file) });
        return listed.KeyCount > 0;
    }

    private async Task<byte[]> ObjectBytesAsync(RecordingFile file)
    {
        using var s3 = api.S3();
        using var stored = await s3.GetObjectAsync(api.Bucket, KeyOf(file));
        using var bytes = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
