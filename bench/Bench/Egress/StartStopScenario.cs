using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Infrastructure.LiveKit;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Bench.Egress;

/// <summary>
/// Start + stop of <c>--concurrency</c> sessions at once, through the API (POST …/recordings, then …/recordings/stop
/// once every start has answered and the egress had time to become active), and the same calls made directly to the
/// emulator's Twirp API with the same request bodies: the emulator's own time per call. Rounds alternate which goes
/// first; the first round of each is a warm-up and is not counted. Our added time is API p50 − emulator p50.
/// Then the same one call at a time (<c>--sequential</c> sessions): the added time of a call when nothing queues.
/// </summary>
public static class StartStopScenario
{
    public static async Task<int> RunAsync(Arguments options, CancellationToken cancellationToken)
    {
        var concurrency = options.GetInt("concurrency", 100);
        var rounds = options.GetInt("rounds", 5);
        var activation = TimeSpan.FromMilliseconds(options.GetInt("activation-ms", 600));
        var sessions = (await File.ReadAllLinesAsync(options.Get("sessions"), cancellationToken))
            .Where(l => l.Length > 0).Select(l => l.Split(' ')).Select(p => (Id: p[0], Room: p[1])).ToList();
        if (sessions.Count < ((rounds + 1) * concurrency) + options.GetInt("sequential", 20))
        {
            throw new CommandLineException($"{((rounds + 1) * concurrency) + options.GetInt("sequential", 20)} ready sessions needed, {sessions.Count} given");
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var api = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(options.Get("api")), Timeout = TimeSpan.FromSeconds(60) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Get("token"));
        using var emulator = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(options.Get("emulator")), Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new LiveKitAccessTokenFactory(
            Options.Create(new LiveKitOptions { ApiKey = options.Get("key"), ApiSecret = options.Get("secret") }), TimeProvider.System);
        emulator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.CreateEgressToken());

        var measured = new Dictionary<string, List<double>>(StringComparer.Ordinal)
        {
            ["api-start"] = [],
            ["api-stop"] = [],
            ["emulator-start"] = [],
            ["emulator-stop"] = [],
        };
        long errors = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var batch = sessions.Skip(round * concurrency).Take(concurrency).ToList();
            var target = round == 0 ? null : measured;
            async Task Api()
            {
                var starts = await TimeAllAsync(batch, s => api.PostAsync(new Uri($"api/sessions/{s.Id}/recordings", UriKind.Relative), null, cancellationToken), HttpStatusCode.Created);
                await Task.Delay(activation, cancellationToken);
                var stops = await TimeAllAsync(batch, s => api.PostAsync(new Uri($"api/sessions/{s.Id}/recordings/stop", UriKind.Relative), null, cancellationToken), HttpStatusCode.OK);
                Record(target, "api-start", starts, ref errors);
                Record(target, "api-stop", stops, ref errors);
            }

            async Task Direct()
            {
                var egressIds = new string[batch.Count];
                var starts = await TimeAllAsync(Enumerable.Range(0, batch.Count).ToList(), async i =>
                {
                    var request = new RoomCompositeEgressRequest(
                        $"bench-direct-{round}-{i}", "grid", "H264_720P_30", false, EgressFileType.Mp4,
                        new EgressFileDestination($"/recordings/interactive/bench/direct-{round}-{i}.mp4"));
                    var response = await emulator.PostAsync(
                        new Uri("twirp/livekit.Egress/StartRoomCompositeEgress", UriKind.Relative),
                        Json(EgressJsonWriter.StartRoomCompositeEgress(request)), cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        egressIds[i] = EgressJsonReader.ReadEgressInfo(await response.Content.ReadAsByteArrayAsync(cancellationToken)).EgressId;
                    }

                    return response;
                }, HttpStatusCode.OK);
                await Task.Delay(activation, cancellationToken);
                var stops = await TimeAllAsync(egressIds.Where(e => e is not null).ToList(), e => emulator.PostAsync(
                    new Uri("twirp/livekit.Egress/StopEgress", UriKind.Relative), Json(EgressJsonWriter.StopEgress(e)), cancellationToken), HttpStatusCode.OK);
                Record(target, "emulator-start", starts, ref errors);
                Record(target, "emulator-stop", stops, ref errors);
            }

            if (round % 2 == 0)
            {
                await Api();
                await Direct();
            }
            else
            {
                await Direct();
                await Api();
            }
        }

        // One call at a time, on sessions not used above: the added time of a call when nothing queues.
        var sequential = sessions.Skip((rounds + 1) * concurrency).Take(options.GetInt("sequential", 20)).ToList();
        measured["seq-api-start"] = [];
        measured["seq-api-stop"] = [];
        measured["seq-emulator-start"] = [];
        measured["seq-emulator-stop"] = [];
        for (var i = 0; i < sequential.Count; i++)
        {
            var session = sequential[i];
            var one = new List<(string Id, string Room)> { session };
            Record(measured, "seq-api-start", await TimeAllAsync(one, s => api.PostAsync(new Uri($"api/sessions/{s.Id}/recordings", UriKind.Relative), null, cancellationToken), HttpStatusCode.Created), ref errors);
            await Task.Delay(activation, cancellationToken);
            Record(measured, "seq-api-stop", await TimeAllAsync(one, s => api.PostAsync(new Uri($"api/sessions/{s.Id}/recordings/stop", UriKind.Relative), null, cancellationToken), HttpStatusCode.OK), ref errors);
            string? egressId = null;
            Record(measured, "seq-emulator-start", await TimeAllAsync([i], async n =>
            {
                var request = new RoomCompositeEgressRequest(
                    $"bench-sequential-{n}", "grid", "H264_720P_30", false, EgressFileType.Mp4, new EgressFileDestination($"/recordings/interactive/bench/sequential-{n}.mp4"));
                var response = await emulator.PostAsync(
                    new Uri("twirp/livekit.Egress/StartRoomCompositeEgress", UriKind.Relative),
                    Json(EgressJsonWriter.StartRoomCompositeEgress(request)), cancellationToken);
                egressId = EgressJsonReader.ReadEgressInfo(await response.Content.ReadAsByteArrayAsync(cancellationToken)).EgressId;
                return response;
            }, HttpStatusCode.OK), ref errors);
            await Task.Delay(activation, cancellationToken);
            Record(measured, "seq-emulator-stop", await TimeAllAsync([egressId!], e => emulator.PostAsync(
                new Uri("twirp/livekit.Egress/StopEgress", UriKind.Relative), Json(EgressJsonWriter.StopEgress(e)), cancellationToken), HttpStatusCode.OK), ref errors);
        }

        var output = options.Get("out");
        Directory.CreateDirectory(output);
        foreach (var (name, latencies) in measured)
        {
            var result = LoadResult.FromLatencies(name, concurrency, latencies, 1, 0, 0);
            await result.WriteAsync(Path.Combine(output, $"startstop-{name}.json"), cancellationToken);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"start-stop: {name,-15} n={latencies.Count} p50 {result.P50Ms:F1} ms  p90 {result.P90Ms:F1} ms  p99 {result.P99Ms:F1} ms"));
        }

        await File.WriteAllTextAsync(Path.Combine(output, "startstop-errors.json"), JsonSerializer.Serialize(new { errors }, BenchJson.Options), cancellationToken);
        return errors == 0 ? 0 : 1;
    }

    private static ByteArrayContent Json(byte[] body) =>
        new(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    private static void Record(Dictionary<string, List<double>>? target, string name, List<(double Ms, bool Ok)> timings, ref long errors)
    {
        errors += timings.Count(t => !t.Ok);
        target?[name].AddRange(timings.Where(t => t.Ok).Select(t => t.Ms));
    }

    /// <summary>Every call at once; each one's time from its own send to its full answer.</summary>
    private static async Task<List<(double Ms, bool Ok)>> TimeAllAsync<T>(IReadOnlyList<T> items, Func<T, Task<HttpResponseMessage>> call, HttpStatusCode expected)
    {
        var calls = items.Select(async item =>
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await call(item);
            await response.Content.LoadIntoBufferAsync();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != expected)
            {
                await Console.Error.WriteLineAsync($"start-stop: {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            return (elapsed, response.StatusCode == expected);
        });
        return [.. await Task.WhenAll(calls)];
    }
}
