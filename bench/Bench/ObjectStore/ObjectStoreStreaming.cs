using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ItqanRecording.Bench.ObjectStore;

/// <summary>
/// The stream from the object store in 1 MiB ranges of the moved recording, in a scattered order, as a player asks:
/// <c>--mode api</c> asks the API for each range (bearer token), takes its 302 and GETs the presigned URL it names
/// with the Range; <c>--mode direct</c>, the reference, GETs the same ranges from the presigned URL of the seed
/// without asking the API. Every range must come back 206 with all its bytes. wrk cannot follow a redirect to another
/// host, hence a loop of our own, the same for both sides.
/// </summary>
public static class ObjectStoreStreaming
{
    private const long Chunk = 1024 * 1024;

    public static async Task<int> RunAsync(Arguments options, CancellationToken cancellationToken)
    {
        var viaApi = options.Get("mode") switch
        {
            "api" => true,
            "direct" => false,
            var other => throw new CommandLineException($"--mode is api or direct, not '{other}'"),
        };
        using var seed = JsonDocument.Parse(await File.ReadAllTextAsync(options.Get("seed"), cancellationToken));
        var link = new Uri(seed.RootElement.GetProperty("url").GetString()!);
        var chunks = (int)(seed.RootElement.GetProperty("bytes").GetInt64() / Chunk);
        var order = Enumerable.Range(0, chunks).OrderBy(_ => Random.Shared.Next()).ToArray();
        var stream = viaApi ? new Uri(options.Get("api")) : null;
        var token = viaApi ? options.Get("token") : null;
        var concurrency = options.GetInt("concurrency", 32);

        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

        async Task<long> RangeAsync(long n, CancellationToken cancel)
        {
            var from = order[n % order.Length] * Chunk;
            var target = link;
            if (stream is not null)
            {
                using var ask = new HttpRequestMessage(HttpMethod.Get, stream);
                ask.Headers.Range = new RangeHeaderValue(from, from + Chunk - 1);
                ask.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var answer = await client.SendAsync(ask, HttpCompletionOption.ResponseHeadersRead, cancel);
                target = answer is { StatusCode: HttpStatusCode.Found, Headers.Location: { } location }
                    ? location
                    : throw new HttpRequestException($"the API answered {(int)answer.StatusCode}, not 302");
            }

            using var get = new HttpRequestMessage(HttpMethod.Get, target);
            get.Headers.Range = new RangeHeaderValue(from, from + Chunk - 1);
            using var response = await client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, cancel);
            if (response.StatusCode != HttpStatusCode.PartialContent)
            {
                throw new HttpRequestException($"the store answered {(int)response.StatusCode}, not 206");
            }

            var received = (await response.Content.ReadAsByteArrayAsync(cancel)).LongLength;
            return received == Chunk ? received : throw new HttpRequestException($"the store sent {received} bytes of a {Chunk}-byte range");
        }

        var tool = viaApi ? "api-redirect+store" : "store-direct";
        static bool IsFailure(Exception e) => e is HttpRequestException or TaskCanceledException;
        await ClosedLoop.RunAsync(tool, concurrency, TimeSpan.FromSeconds(options.GetDouble("warmup", 2)), RangeAsync, IsFailure, cancellationToken);
        var result = await ClosedLoop.RunAsync(tool, concurrency, TimeSpan.FromSeconds(options.GetDouble("duration", 10)), RangeAsync, IsFailure, cancellationToken);
        await result.WriteAsync(options.Get("out"), cancellationToken);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"object-store-stream {options.Get("mode")}: {result.Requests} ranges, {result.MbPerS:F0} MB/s, p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, {result.Errors} errors"));
        return 0;
    }
}
