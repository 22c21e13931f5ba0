using System.Diagnostics;
using ItqanRecording.TestSupport;
using Xunit.Abstractions;

namespace ItqanRecording.Infrastructure.Tests.TestSupport;

public sealed class CephObjectGatewayTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_gateway_of_its_own_serves_S3_and_leaves_no_daemon_or_folder_behind()
    {
        var clock = Stopwatch.StartNew();
        var gateway = await CephObjectGateway.StartAsync();
        output.WriteLine($"Cold start in {clock.Elapsed.TotalSeconds:0.0} s: {gateway.Description}");
        var configFile = Path.Combine(gateway.Folder, "ceph.conf");
        try
        {
            var bucket = await gateway.CreateBucketAsync("own");
            using var s3 = gateway.CreateClient();
            (await s3.ListBucketsAsync()).Buckets.Should().ContainSingle(b => b.BucketName == bucket);
            ProcessesRunningFrom(configFile).Should().HaveCount(3, "a monitor, an OSD and the gateway");
        }
        finally
        {
            await gateway.DisposeAsync();
        }

        Directory.Exists(gateway.Folder).Should().BeFalse();
        ProcessesRunningFrom(configFile).Should().BeEmpty();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var request = () => http.GetAsync(gateway.Endpoint);
        await request.Should().ThrowAsync<HttpRequestException>("nothing listens on the gateway's port any more");
    }

    /// <summary>Live (not zombie) processes whose command line names <paramref name="configFile"/>.</summary>
    private static List<int> ProcessesRunningFrom(string configFile)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                var zombie = File.ReadLines(Path.Combine(directory, "status")).Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains('Z'));
                if (arguments.Contains(configFile) && !zombie)
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return found;
    }
}
