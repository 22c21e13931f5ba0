using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Infrastructure.Jobs;
using ItqanRecording.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>The steps the reliability tests share: start a recording, read it back, its audit trail, run a job.</summary>
public static class ReliabilityDriver
{
    public sealed record StartedRecording(Guid SessionId, RecordingJson Recording, HttpClient Teacher);

    /// <summary>A new session recorded by its teacher; by default until LiveKit really records (ACTIVE).</summary>
    public static async Task<StartedRecording> StartRecordingAsync(this ApiFixture api, bool waitUntilActive = true)
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var recording = (await response.Content.ReadFromJsonAsync<RecordingJson>())!;
        if (waitUntilActive)
        {
            await api.Emulator.WaitUntilActiveAsync(recording.EgressId);
        }

        return new StartedRecording(sessionId, recording, teacher);
    }

    public static async Task<RecordingJson> GetRecordingAsync(this HttpClient client, Guid recordingId) =>
        (await client.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;

    public static Task<RecordingJson> WaitForStatusAsync(this HttpClient client, Guid recordingId, string status) =>
        Poll.UntilAsync(() => client.GetRecordingAsync(recordingId), r => r.Status == status);

    /// <summary>The recording's audit trail, oldest first, straight from the database.</summary>
    public static Task<List<RecordingAuditEntry>> AuditOfAsync(this ApiFixture api, Guid recordingId) =>
        api.WithDbAsync(db => db.RecordingAuditEntries.AsNoTracking()
            .Where(e => e.RecordingId == recordingId).OrderBy(e => e.At).ToListAsync());

    public static async Task<int> CountAuditAsync(this ApiFixture api, Guid recordingId, RecordingAuditAction action) =>
        (await api.AuditOfAsync(recordingId)).Count(e => e.Action == action);

    /// <summary>The recordings of a session, straight from the database (whatever their status).</summary>
    public static Task<List<Domain.Recordings.Recording>> RecordingsOfAsync(this ApiFixture api, Guid sessionId) =>
        api.WithDbAsync(db => db.Recordings.AsNoTracking().Where(r => r.SessionId == sessionId).ToListAsync());

    public static async Task<EmulatorEgress> EgressAsync(this LiveKitEmulatorProcess emulator, string egressId) =>
        (await emulator.GetStateAsync()).Egress.Single(e => e.EgressId == egressId);

    /// <summary>Runs the job of the given instance once, now, as its timer would.</summary>
    /// <returns>False when another instance held the job's lock and the run was skipped.</returns>
    public static Task<bool> RunJobOnceAsync<TJob>(this IServiceProvider services)
        where TJob : SingleInstanceJob =>
        services.GetServices<IHostedService>().OfType<TJob>().Single().RunOnceAsync(CancellationToken.None);
}
