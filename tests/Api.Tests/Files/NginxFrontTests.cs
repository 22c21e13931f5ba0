using System.Net;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Files;

/// <summary>
/// The shipped nginx front (deploy/nginx/itqan-recording.conf), run by Debian's nginx, sends a recording file the API
/// names in <c>X-Accel-Redirect</c>, and refuses one reached through a symbolic link below the storage folder (a
/// link could name any file nginx may read, and it can replace a file after the API looked). A stand-in upstream
/// answers the redirect the test asks for, so nginx's own decision is what is checked.
/// </summary>
public sealed class NginxFrontTests : IAsyncLifetime
{
    private const string Secret = "a file nginx can read but must never send";
    private static readonly byte[] Media = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i % 251))];

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("itqan-nginx-");
    private readonly int _frontPort = FreeTcpPort.Next();
    private readonly int _upstreamPort = FreeTcpPort.Next();
    private NginxProcess? _nginx;

    public async Task InitializeAsync()
    {
        var root = Directory.CreateDirectory(Path.Combine(_work.FullName, "recordings"));
        var outside = Directory.CreateDirectory(Path.Combine(_work.FullName, "outside"));
        await File.WriteAllBytesAsync(Path.Combine(root.FullName, "real.mp4"), Media);
        await File.WriteAllTextAsync(Path.Combine(outside.FullName, "secret.mp4"), Secret);
        File.CreateSymbolicLink(Path.Combine(root.FullName, "link.mp4"), Path.Combine(outside.FullName, "secret.mp4"));
        File.CreateSymbolicLink(Path.Combine(root.FullName, "relative.mp4"), "../outside/secret.mp4");
        Directory.CreateSymbolicLink(Path.Combine(root.FullName, "2026"), outside.FullName);

        var front = NginxProcess.ShippedConfiguration()
            .Replace("server 127.0.0.1:5000;", $"server 127.0.0.1:{_upstreamPort};", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{_frontPort};", StringComparison.Ordinal)
            .Replace("alias /var/lib/itqan/recordings/;", $"alias {root.FullName}/;", StringComparison.Ordinal);
        front.Should().Contain(root.FullName).And.Contain($":{_upstreamPort};").And.Contain($":{_frontPort};");
        _nginx = await NginxProcess.StartAsync(_work, $$"""
            {{front}}
            server {
              listen 127.0.0.1:{{_upstreamPort}};
              location / {
                add_header X-Accel-Redirect $arg_file;
                return 200 "";
              }
            }
            """, _frontPort);
    }

    public async Task DisposeAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task A_regular_file_below_the_folder_is_sent()
    {
        var response = await GetThroughTheFrontAsync("/_recording-files/real.mp4");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Media);
    }

    [Theory]
    [InlineData("/_recording-files/link.mp4")]
    [InlineData("/_recording-files/relative.mp4")]
    [InlineData("/_recording-files/2026/secret.mp4")]
    public async Task A_file_reached_through_a_symbolic_link_is_refused(string redirect)
    {
        var response = await GetThroughTheFrontAsync(redirect);

        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(Secret);
    }

    [Fact]
    public async Task The_internal_location_cannot_be_asked_for_directly()
    {
        using var client = new HttpClient();

        var response = await client.GetAsync(new Uri($"http://127.0.0.1:{_frontPort}/_recording-files/real.mp4"));

        // The request goes to the stand-in upstream (no redirect asked for), never to the files.
        (await response.Content.ReadAsByteArrayAsync()).Should().NotEqual(Media);
    }

    private async Task<HttpResponseMessage> GetThroughTheFrontAsync(string redirect)
    {
        using var client = new HttpClient();
        return await client.GetAsync(new Uri($"http://127.0.0.1:{_frontPort}/api/recordings/x/stream?file={Uri.EscapeDataString(redirect)}"));
    }
}
