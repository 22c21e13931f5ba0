using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Support;

/// <summary>
/// The shipped nginx front (deploy/nginx/itqan-recording.conf) as a load balancer: every given API instance in its
/// upstream, listening on a free port, its internal location on the instances' shared recordings folder. nginx takes
/// turns between the instances. Stopped, and its folder removed, on dispose.
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    private readonly DirectoryInfo _work;
    private readonly NginxProcess _nginx;

    private LoadBalancer(DirectoryInfo work, NginxProcess nginx, int port)
    {
        _work = work;
        _nginx = nginx;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public static Task<LoadBalancer> StartAsync(string storageRoot, params Uri[] instances) =>
        StartWithObjectStoreAsync(storageRoot, objectStore: null, instances);

    /// <summary>The same, its internal location for objects fetching them from <paramref name="objectStore"/>.</summary>
    public static async Task<LoadBalancer> StartWithObjectStoreAsync(string storageRoot, Uri? objectStore, params Uri[] instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var work = Directory.CreateTempSubdirectory("itqan-balancer-");
        var port = FreeTcpPort.Next();
        var upstream = string.Join("\n    ", instances.Select(instance => $"server 127.0.0.1:{instance.Port};"));
        var store = $"proxy_pass {objectStore?.GetLeftPart(UriPartial.Authority) ?? "http://127.0.0.1:7480"}/;";
        var front = NginxProcess.ShippedConfiguration()
            .Replace("server 127.0.0.1:5000;", upstream, StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal)
            .Replace("alias /var/lib/itqan/recordings/;", $"alias {storageRoot}/;", StringComparison.Ordinal)
            .Replace("proxy_pass http://127.0.0.1:7480/;", store, StringComparison.Ordinal);
        if (!front.Contains(upstream, StringComparison.Ordinal) || !front.Contains($":{port};", StringComparison.Ordinal)
            || !front.Contains(store, StringComparison.Ordinal))
        {
            work.Delete(recursive: true);
            throw new InvalidOperationException("deploy/nginx/itqan-recording.conf changed: its upstream or listen line was not found.");
        }

        try
        {
            return new LoadBalancer(work, await NginxProcess.StartAsync(work, front, port), port);
        }
        catch
        {
            work.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _nginx.DisposeAsync();
        _work.Delete(recursive: true);
    }
}
