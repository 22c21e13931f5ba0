using System.Diagnostics;
using System.Net;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Files;

/// <summary>The API and the tests share one process, so its memory is the server's and the client's together.</summary>
[Collection(ApiCollection.Name)]
public sealed class LargeFileStreamingTests(ApiFixture api)
{
    private const long FileSize = 200L * 1024 * 1024;
    private const long AllowedGrowth = 50L * 1024 * 1024;

    [Fact]
    public async Task A_200_MB_file_streams_whole_with_flat_memory()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.SetLength(FileSize)));
        var student = await api.SignedInClientAsync(TestData.Student);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = new MemorySample();
        var peak = baseline;

        using var response = await student.GetAsync($"/api/recordings/{recordingId}/stream", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long received = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            received += read;
            if (received % (8 * 1024 * 1024) < read)
            {
                peak = peak.Max(new MemorySample());
            }
        }

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        received.Should().Be(FileSize);
        (peak.ManagedBytes - baseline.ManagedBytes).Should().BeLessThan(AllowedGrowth, "the managed heap must not hold the file");
        (peak.WorkingSetBytes - baseline.WorkingSetBytes).Should().BeLessThan(AllowedGrowth, "the process must not hold the file");
    }

    private sealed record MemorySample(long ManagedBytes, long WorkingSetBytes)
    {
        public MemorySample()
            : this(GC.GetTotalMemory(forceFullCollection: false), WorkingSet())
        {
        }

        public MemorySample Max(MemorySample other) =>
            new(Math.Max(ManagedBytes, other.ManagedBytes), Math.Max(WorkingSetBytes, other.WorkingSetBytes));

        private static long WorkingSet()
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64;
        }
    }
}
