using System.Text;
using ItqanRecording.LiveKitWebhookSigning;

namespace ItqanRecording.Bench.Webhooks;

/// <summary>
/// Request files for bench/wrk/replay.lua: one request per line, tab-separated: method, path, body, then headers
/// ("Name: value"). Bodies are one-line JSON, which never holds a raw tab.
/// </summary>
public static class WebhookRequests
{
    public const string Path = "/webhooks/livekit";

    /// <summary>Distinct signed <c>track_published</c> events (distinct ids), cycled by wrk.</summary>
    public static async Task<int> WriteIgnoredAsync(Arguments options, CancellationToken cancellationToken)
    {
        var signer = new LiveKitWebhookSigner(options.Get("key"), options.Get("secret"));
        var count = options.GetInt("count", 20_000);
        var now = DateTime.UtcNow;
        var createdAt = new DateTimeOffset(now).ToUnixTimeSeconds();
        await using var output = new StreamWriter(options.Get("out"), append: false, new UTF8Encoding(false));
        long bytes = 0;
        for (var n = 0; n < count; n++)
        {
            var body = WebhookBodies.TrackPublished(n, createdAt);
            bytes += Encoding.UTF8.GetByteCount(body);
            await output.WriteLineAsync(Line(body, signer.Sign(Encoding.UTF8.GetBytes(body), now)).AsMemory(), cancellationToken);
        }

        Console.WriteLine($"webhooks: {count} signed track_published events, {bytes / count} bytes each on average");
        return 0;
    }

    public static string Line(string body, string authorization) =>
        $"POST\t{Path}\t{body}\tContent-Type: application/webhook+json\tAuthorization: {authorization}\tUser-Agent: LiveKit";
}
