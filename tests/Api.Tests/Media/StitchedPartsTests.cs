using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.Media;

/// <summary>
/// LiveKit cuts a file at its time limit (<c>EGRESS_LIMIT_REACHED</c>; Cloud: 3 h). With the emulator's limit set, the
/// class goes on in a next part of the same recording, and once it ends, its parts are joined into one file.
/// </summary>
[Collection(MediaProcessingCollection.Name)]
public sealed class StitchedPartsTests(MediaProcessingApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => api.Emulator.ClearFaultsAsync();

    [Fact]
    public async Task A_recording_cut_at_the_limit_goes_on_in_a_next_part_and_its_parts_are_joined_into_one_file()
    {
        await api.Emulator.SetFaultsAsync(new { fileOutputLimitMs = 1200 });
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var started = (await (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null)).Content.ReadFromJsonAsync<RecordingJson>())!;

        var continued = await Poll.UntilAsync(
            () => teacher.GetFromJsonAsync<RecordingJson>($"/api/recordings/{started.Id}")!, r => r!.Parts!.Count == 1);
        await api.Emulator.ClearFaultsAsync();
        continued!.Status.Should().Be("recording", "the class goes on");
        continued.EgressId.Should().NotBe(started.EgressId, "the next part is a new egress");
        var emulator = await api.Emulator.GetStateAsync();
        emulator.Egress.Single(e => e.EgressId == started.EgressId).Status.Should().Be("EGRESS_LIMIT_REACHED");
        await api.Emulator.WaitUntilActiveAsync(continued.EgressId);
        (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var completed = (await Poll.UntilAsync(
            () => teacher.GetFromJsonAsync<RecordingJson>($"/api/recordings/{started.Id}")!, r => r!.Status is "completed" or "failed"))!;

        completed.Status.Should().Be("completed", completed.Error);
        completed.Parts!.Select(p => p.Number).Should().Equal(1, 2);
        completed.JoinState.Should().Be("queued");
        completed.PosterState.Should().BeNull("the poster is made from the joined file");
        completed.DurationSeconds.Should().BeApproximately(completed.Parts!.Sum(p => p.DurationSeconds), 0.001);
        var student = await api.SignedInClientAsync(TestData.Student);
        await (await student.GetAsync($"/api/recordings/{started.Id}/stream")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "recording.parts_not_joined");
        using var anonymous = api.AnonymousClient();
        var parts = await PartFilesAsync(started.Id);
        for (var i = 0; i < 2; i++)
        {
            var played = await anonymous.GetAsync(completed.Parts![i].StreamUrl);
            played.StatusCode.Should().Be(HttpStatusCode.OK, "the part's signed link plays it");
            (await played.Content.ReadAsByteArrayAsync()).Should().Equal(await File.ReadAllBytesAsync(parts[i]));
        }

        var saved = await anonymous.GetAsync(completed.Parts![1].DownloadUrl);
        saved.Content.Headers.ContentDisposition!.FileNameStar.Should().EndWith(" - part 2.mp4");
        await (await student.GetAsync($"/api/recordings/{started.Id}/stream?part=3")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.part_not_found");
        (await student.GetAsync($"/api/recordings/{started.Id}/stream?part=0")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        await api.RunMediaJobsAsync();

        var joined = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{started.Id}"))!;
        (joined.JoinState, joined.PosterState, joined.HlsState).Should().Be(("done", "done", "done"));
        var whole = await student.GetAsync($"/api/recordings/{started.Id}/download");
        whole.StatusCode.Should().Be(HttpStatusCode.OK);
        var joinedPath = Path.Combine(api.StorageRoot, await api.WithDbAsync(db => db.Recordings.Where(r => r.Id == started.Id).Select(r => r.File!.RelativePath).SingleAsync()));
        (await whole.Content.ReadAsByteArrayAsync()).Length.Should().Be((int)new FileInfo(joinedPath).Length);
        joined.File!.SizeBytes.Should().Be(new FileInfo(joinedPath).Length, "the joined file's real size replaces the sum of the parts");
        var partsLength = await MediaProbe.DurationAsync(parts[0]) + await MediaProbe.DurationAsync(parts[1]);
        (await MediaProbe.DurationAsync(joinedPath)).Should().BeCloseTo(partsLength, TimeSpan.FromMilliseconds(500));
        (await MediaProbe.StreamsAsync(joinedPath)).Select(s => s.CodecName).Should().BeEquivalentTo(
            (await MediaProbe.StreamsAsync(parts[0])).Select(s => s.CodecName), "stream copy keeps the codecs");

        var audit = await api.WithDbAsync(db => db.RecordingAuditEntries.Where(e => e.RecordingId == started.Id).Select(e => e.Action).ToListAsync());
        audit.Should().Contain(RecordingAuditAction.PartStarted);
    }

    private Task<List<string>> PartFilesAsync(Guid recordingId) => api.WithDbAsync(async db =>
    {
        var recording = await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == recordingId);
        return recording.Parts.Select(p => Path.Combine(api.StorageRoot, p.File.RelativePath)).ToList();
    });
}
