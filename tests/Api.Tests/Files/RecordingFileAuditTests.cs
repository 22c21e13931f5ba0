using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.Files;

/// <summary>The audit keeps the first stream and the first download of each user and UTC day, however much they seek.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecordingFileAuditTests(ApiFixture api)
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 4_000).Select(i => (byte)(i % 97))];

    [Fact]
    public async Task Two_streams_a_seek_and_a_download_by_one_user_in_a_day_leave_one_streamed_and_one_downloaded_entry()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var student = await api.SignedInClientAsync(TestData.Student);

        (await student.GetAsync($"/api/recordings/{recordingId}/stream")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await student.GetAsync($"/api/recordings/{recordingId}/stream")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var seek = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{recordingId}/stream");
        seek.Headers.Range = new RangeHeaderValue(1_000, null);
        (await student.SendAsync(seek)).StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await student.GetAsync($"/api/recordings/{recordingId}/download")).StatusCode.Should().Be(HttpStatusCode.OK);

        var entries = await AccessEntriesAsync(recordingId);
        entries.Should().BeEquivalentTo(
        [
            new AccessEntry(RecordingAuditAction.Streamed, DemoData.StudentId, DateOnly.FromDateTime(DateTime.UtcNow)),
            new AccessEntry(RecordingAuditAction.Downloaded, DemoData.StudentId, DateOnly.FromDateTime(DateTime.UtcNow)),
        ]);
    }

    [Fact]
    public async Task A_player_opening_several_requests_at_once_still_leaves_one_entry()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var student = await api.SignedInClientAsync(TestData.Student);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => student.GetAsync($"/api/recordings/{recordingId}/stream")));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        (await AccessEntriesAsync(recordingId)).Should().ContainSingle()
            .Which.Should().Be(new AccessEntry(RecordingAuditAction.Streamed, DemoData.StudentId, DateOnly.FromDateTime(DateTime.UtcNow)));
    }

    [Fact]
    public async Task A_signed_link_is_audited_as_the_user_it_was_made_out_to()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var streamUrl = (await teacher.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!.StreamUrl!;

        (await api.AnonymousClient().GetAsync(streamUrl)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await AccessEntriesAsync(recordingId)).Should().ContainSingle()
            .Which.UserId.Should().Be(DemoData.TeacherId);
    }

    [Fact]
    public async Task A_refused_request_leaves_no_entry()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var outsider = await api.SignedInClientAsync(TestData.Outsider);

        (await outsider.GetAsync($"/api/recordings/{recordingId}/stream")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await AccessEntriesAsync(recordingId)).Should().BeEmpty();
    }

    private Task<Guid> NewRecordingWithFileAsync() => api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.Write(Content)));

    private Task<List<AccessEntry>> AccessEntriesAsync(Guid recordingId) =>
        api.WithDbAsync(db => db.RecordingAuditEntries
            .Where(e => e.RecordingId == recordingId && e.AccessDay != null)
            .Select(e => new AccessEntry(e.Action, e.UserId, e.AccessDay))
            .ToListAsync());

    private sealed record AccessEntry(RecordingAuditAction Action, Guid? UserId, DateOnly? AccessDay);
}
