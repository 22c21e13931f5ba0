using System.Net;
using System.Text;
using ItqanRecording.Api.Tests.Reliability;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;

namespace ItqanRecording.Api.Tests.Files;

/// <summary>
/// A symbolic link inside the storage folder must never make another file a recording: not when LiveKit's signed
/// <c>egress_ended</c> names it, and not when a completed recording's file is replaced by one later.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SymbolicLinkTests(ApiFixture api) : IAsyncLifetime
{
    private const string Secret = "a file the API can read but nobody may stream";

    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("absolute file link")]
    [InlineData("relative file link")]
    [InlineData("folder link")]
    public async Task An_egress_ended_naming_a_file_reached_through_a_link_fails_the_recording_with_its_reason(string kind)
    {
        var started = await api.StartRecordingAsync();
        var egressPath = PlaceLink(kind);
        var body = LiveKitWebhooks.For("webhook.egress_ended.complete.json", started.Recording.EgressId)
            .Replace(LiveKitWebhooks.FixtureFilePath, egressPath, StringComparison.Ordinal);

        (await api.AnonymousClient().PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        var recording = await started.Teacher.GetRecordingAsync(started.Recording.Id);
        recording.Status.Should().Be("failed");
        recording.File.Should().BeNull();
        recording.Error.Should().Contain("symbolic link");
        (await api.AuditOfAsync(started.Recording.Id)).Last().Should().Match<RecordingAuditEntry>(
            e => e.Action == RecordingAuditAction.Failed && e.Details!.Contains("symbolic link"));
        (await started.Teacher.GetAsync($"/api/recordings/{started.Recording.Id}/stream")).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("stream")]
    [InlineData("download")]
    public async Task A_completed_recordings_file_replaced_by_a_link_is_not_served(string action)
    {
        var file = api.NewStoredFile(f => f.Write(new byte[1000]));
        var recordingId = await api.NewCompletedRecordingAsync(file);
        var student = await api.SignedInClientAsync(TestData.Student);
        (await student.GetAsync($"/api/recordings/{recordingId}/{action}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var path = Path.Combine(api.StorageRoot, file.RelativePath);
        File.Delete(path);
        File.CreateSymbolicLink(path, WriteSecretOutsideTheRoot());
        var response = await student.GetAsync($"/api/recordings/{recordingId}/{action}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("recording.file_missing").And.NotContain(Secret);
    }

    /// <summary>A link under the storage root leading to the secret file; returns the path the egress would report.</summary>
    private string PlaceLink(string kind)
    {
        var secret = WriteSecretOutsideTheRoot();
        var folder = Path.Combine(api.StorageRoot, "links", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        switch (kind)
        {
            case "absolute file link":
                File.CreateSymbolicLink(Path.Combine(folder, "class.mp4"), secret);
                return $"{ApiFixture.EgressPrefix}/links/{Path.GetFileName(folder)}/class.mp4";
            case "relative file link":
                File.CreateSymbolicLink(Path.Combine(folder, "class.mp4"), Path.GetRelativePath(folder, secret));
                return $"{ApiFixture.EgressPrefix}/links/{Path.GetFileName(folder)}/class.mp4";
            default:
                Directory.CreateSymbolicLink(Path.Combine(folder, "2026"), Path.GetDirectoryName(secret)!);
                return $"{ApiFixture.EgressPrefix}/links/{Path.GetFileName(folder)}/2026/{Path.GetFileName(secret)}";
        }
    }

    private static string WriteSecretOutsideTheRoot()
    {
        var folder = Directory.CreateTempSubdirectory("itqan-outside-");
        var path = Path.Combine(folder.FullName, "secret.mp4");
        File.WriteAllText(path, Secret, Encoding.UTF8);
        return path;
    }
}
