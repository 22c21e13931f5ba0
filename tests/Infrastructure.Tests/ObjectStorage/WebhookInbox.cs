using System.Net;
using System.Text.Json.Nodes;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Infrastructure.Tests.ObjectStorage;

/// <summary>Receives the LiveKit emulator's webhooks on a free loopback port and keeps their bodies.</summary>
internal sealed class WebhookInbox : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<JsonNode> _events = [];
    private readonly Task _receiving;

    public WebhookInbox()
    {
        Url = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/webhooks/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _receiving = Task.Run(ReceiveAsync);
    }

    public Uri Url { get; }

    /// <summary>Waits for the first event named <paramref name="name"/> about <paramref name="egressId"/>.</summary>
    public Task<JsonNode> WaitForAsync(string name, string egressId) =>
        Poll.UntilAsync(
            () => Task.FromResult(Find(name, egressId)),
            found => found is not null,
            TimeSpan.FromSeconds(60))!;

    public void Dispose()
    {
        _listener.Close();
        _receiving.Wait(TimeSpan.FromSeconds(5));
    }

    private JsonNode? Find(string name, string egressId)
    {
        lock (_events)
        {
            return _events.FirstOrDefault(e =>
                (string?)e["event"] == name && (string?)e["egressInfo"]?["egressId"] == egressId);
        }
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
                lock (_events)
                {
                    _events.Add(body);
                }
            }

            context.Response.StatusCode = (int)HttpStatusCode.OK;
            context.Response.Close();
        }
    }
}
