using System.Text.Json;

namespace ItqanRecording.Bench.Reporting;

/// <summary>One line of the table. <see cref="Met"/> is null when the scenario could not be measured.</summary>
public sealed record ScenarioRow(string Scenario, string Ours, string Reference, string Ratio, string Target, bool? Met, string Note)
{
    /// <summary>A diagnostic line without a target of its own; it never fails the run.</summary>
    public bool Informative { get; init; }
}

/// <summary>
/// The targets. A ratio scenario is measured in alternating rounds of the reference and ours (NAME-r1, NAME-r2, … in
/// the results folder); each round's ratio is ours over the reference of the same round, and the target is judged on
/// the median of those ratios, with their spread shown beside it. Counts (database round trips per operation) do not
/// depend on the host and are judged as they are.
/// </summary>
public static class Scenarios
{
    public static IReadOnlyList<ScenarioRow> Evaluate(string results, IReadOnlyDictionary<string, string> meta)
    {
        Rounds Load(string name) => Rounds.Read(results, name);
        string Setting(string key) => meta.GetValueOrDefault(key, "?");

        var rows = new List<ScenarioRow>
        {
            Throughput(
                $"Verified webhook, ignored event (track_published, 1.6 KB), {Setting("webhook_connections")} connections",
                Load("webhook-ignored"), Load("webhook-bare"), r => r.Rps, "req/s", "bare ASP.NET Core POST → 200", 0.5),
            Throughput(
                $"Watch-progress heartbeat (POST to the progress link, no cookie or bearer, merged in PostgreSQL), {Setting("webhook_connections")} connections",
                Load("heartbeat"), Load("heartbeat-bare"), r => r.Rps, "req/s", "bare ASP.NET Core POST → 204", 0.4),
            EgressEnded(results, Load("egress-ended"), Load("egress-pgbench"), Setting("egress_connections")),
            Front(Throughput(
                $"GET …/stream, 200 MB file in 1 MiB ranges, {Setting("stream_connections")} connections: API + nginx front (X-Accel-Redirect)",
                Load("stream"), Load("stream-nginx"), r => r.MbPerS, "MB/s", "nginx, sendfile, same ranges", 0.8)),
            Throughput(
                $"GET …/stream straight to Kestrel, no front (diagnostic), {Setting("stream_connections")} connections",
                Load("stream-kestrel"), Load("stream-nginx"), r => r.MbPerS, "MB/s", "nginx, sendfile, same ranges", 0.8) with { Informative = true },
            Front(Throughput(
                $"GET …/download, whole 200 MB file, {Setting("download_connections")} connections: API + nginx front (X-Accel-Redirect)",
                Load("download"), Load("download-nginx"), r => r.MbPerS, "MB/s", "nginx, sendfile, same file", 0.8)),
            Throughput(
                $"GET …/download straight to Kestrel, no front (diagnostic), {Setting("download_connections")} connections",
                Load("download-kestrel"), Load("download-nginx"), r => r.MbPerS, "MB/s", "nginx, sendfile, same file", 0.8) with { Informative = true },
            Throughput(
                $"Object storage: GET …/stream answered with a 302 to a presigned GET (1 MiB ranges, bearer), {Setting("webhook_connections")} connections",
                Load("redirect"), Load("redirect-bare"), r => r.Rps, "req/s", "bare ASP.NET Core GET → 302", 0.5),
            Throughput(
                $"Object storage: the ranges a player gets through that redirect (API, then the gateway), {Setting("stream_connections")} at once",
                Load("store-stream"), Load("store-direct"), r => r.MbPerS, "MB/s", "the gateway's own GET of the same ranges, presigned URL", 0.8),
            Latency($"Session recordings list, {Setting("catalogue_connections")} connections", Load("session-list"), Load("session-list-raw")),
            Latency($"Catalogue page 1 (50 rows, status + teacher), {Setting("catalogue_connections")} connections", Load("catalogue-page"), Load("catalogue-page-raw")),
            Latency($"Catalogue late page ({Setting("catalogue_late_page")}, same filters), {Setting("catalogue_connections")} connections", Load("catalogue-late"), Load("catalogue-late-raw")),
            Latency($"Catalogue stats (academy of 500,000), {Setting("stats_connections")} connections", Load("catalogue-stats"), Load("catalogue-stats-raw")),
            Latency($"Analytics dashboard, academy of 500,000, last 12 weeks by week, {Setting("stats_connections")} connections", Load("analytics-academy"), Load("analytics-academy-raw")),
            Latency($"Analytics dashboard, one teacher, a year by month, {Setting("catalogue_connections")} connections", Load("analytics-teacher"), Load("analytics-teacher-raw")),
            RoundTrips(results, "egressEnded", "Database round trips per applied egress_ended", 3),
            RoundTrips(results, "start", "Database round trips per Start, cold (the instance never loaded the session)", 5),
            RoundTrips(results, "startFromPage", "Database round trips per Start from the session page (its GET first, on the same instance)", null) with { Informative = true },
            RoundTrips(results, "stop", "Database round trips per Stop (diagnostic)", null) with { Informative = true },
            Added($"Start, {Setting("startstop_concurrency")} sessions at once (diagnostic; retired target)", Single(results, "startstop-api-start"), Single(results, "startstop-emulator-start")),
            Added($"Stop, {Setting("startstop_concurrency")} sessions at once (diagnostic; retired target)", Single(results, "startstop-api-stop"), Single(results, "startstop-emulator-stop")),
            Added("Start, one call at a time (diagnostic: nothing queues)", Single(results, "startstop-seq-api-start"), Single(results, "startstop-seq-emulator-start")),
            Added("Stop, one call at a time (diagnostic)", Single(results, "startstop-seq-api-stop"), Single(results, "startstop-seq-emulator-stop")),
            MediaCost(results, "Poster of a video (ffmpeg, one frame)", "posterCpuSeconds", "videoSeconds"),
            MediaCost(results, "Seek previews of a video (the grid of its length: a still every 3 s, every frame decoded)", "previewsCpuSeconds", "videoSeconds"),
            MediaCost(results, "Seek previews, a still every 30 s as for a class of 50 min or more (seeking to each)", "previewsBySeekingCpuSeconds", "videoSeconds"),
            MediaCost(results, "HLS packaging of a video (stream copy into one file of byte-range segments)", "hlsCpuSeconds", "videoSeconds", targetPercent: 5),
            MediaCost(results, "Low-bandwidth rendition of a video (360p re-encode, one thread, packaged for HLS)", "renditionCpuSeconds", "videoSeconds"),
            MediaCost(results, "Waveform poster of an audio recording", "waveformCpuSeconds", "audioSeconds"),
            MediaCost(results, "AAC copy of an audio recording (re-encode, 96 kb/s)", "aacCpuSeconds", "audioSeconds"),
            Memory(results),
            FirstStart(results),
            Spa(results),
        };
        return rows;
    }

    private static LoadResult? Single(string results, string name) => LoadResult.TryRead(Path.Combine(results, name + ".json"));

    private static ScenarioRow Throughput(string scenario, Rounds ours, Rounds reference, Func<LoadResult, double> figure, string unit, string referenceName, double target)
    {
        var targetText = Report.Invariant($"≥ {target:0.0#} (median)");
        if (ours.Count == 0 || reference.Count == 0)
        {
            return Missing(scenario, targetText, ours.Count == 0 ? "our run has no result" : "the reference has no result");
        }

        var ratios = Ratios.Of(ours, reference, (o, r) => figure(o) / figure(r));
        var errors = ours.Sum(r => r.Errors);
        return new ScenarioRow(
            scenario,
            Report.Invariant($"{Ratios.MedianOf(ours.Select(figure)):N0} {unit} (p99 {Ratios.MedianOf(ours.Select(r => r.P99Ms)):F1} ms{Cpu(ours)})"),
            Report.Invariant($"{Ratios.MedianOf(reference.Select(figure)):N0} {unit}{Cpu(reference)} — {referenceName}"),
            ratios.Text("F2", ""),
            targetText,
            ratios.Median >= target && errors == 0,
            Join(ratios.RoundsNote("F2", ""), errors > 0 ? $"{errors} errors (non-2xx or socket) in our rounds" : ""));
    }

    /// <summary>A row measured through the shipped nginx front: the note says what the figure and its CPU are.</summary>
    private static ScenarioRow Front(ScenarioRow row) =>
        row with
        {
            Note = Join(
                row.Note,
                "ours is the API behind the shipped nginx front (deploy/nginx/itqan-recording.conf, the reference's nginx binary): "
                + "the API authorises each request, nginx sends the bytes; ms CPU/req is the API process's alone"),
        };

    /// <summary>
    /// Recorded, no longer judged (issue #16): on two shared cores the database's own work per event takes about what
    /// half of pgbench leaves. The round trips per applied event are the target instead.
    /// </summary>
    private static ScenarioRow EgressEnded(string results, Rounds ours, Rounds reference, string connections)
    {
        var scenario = $"egress_ended applied (verify, parse, update, audit), distinct recordings, {connections} connections (diagnostic; retired target)";
        var verified = Enumerable.Range(1, ours.Count)
            .Select(round => Path.Combine(results, $"egress-verify-r{round}.json"))
            .TakeWhile(File.Exists)
            .Select(path => JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(path)) ?? [])
            .ToList();
        if (ours.Count == 0 || reference.Count == 0 || verified.Count != ours.Count)
        {
            return Missing(scenario, "— (retired)", "no result") with { Informative = true };
        }

        var applied = ours.Select((round, i) => verified[i].GetValueOrDefault("completed") / round.DurationS).ToList();
        var ratios = Ratios.Of(applied, reference.Select(r => r.Rps).ToList());
        var left = verified.Min(v => v.GetValueOrDefault("processing"));
        var note = Report.Invariant($"{verified.Sum(v => v.GetValueOrDefault("completed")):N0} recordings completed over {ours.Count} rounds (checked in the database), {ours.Sum(r => r.Requests):N0} requests sent, {ours.Sum(r => r.Errors)} errors");
        return new ScenarioRow(
            scenario,
            Report.Invariant($"{Ratios.MedianOf(applied):N0} applied/s (p99 {Ratios.MedianOf(ours.Select(r => r.P99Ms)):F1} ms{Cpu(ours)})"),
            Report.Invariant($"{Ratios.MedianOf(reference.Select(r => r.Rps)):N0} tps — pgbench -N, same clients"),
            ratios.Text("F2", ""),
            "— (retired)",
            null,
            Join(ratios.RoundsNote("F2", ""), left == 0 ? note + "; a round used every prepared recording: prepare more, its rate is a lower bound" : note))
        {
            Informative = true,
        };
    }

    private static ScenarioRow Latency(string scenario, Rounds ours, Rounds raw)
    {
        const string Target = "p99 ≤ 2× raw (median)";
        if (ours.Count == 0 || raw.Count == 0)
        {
            return Missing(scenario, Target, ours.Count == 0 ? "our run has no result (endpoint missing?)" : "the raw-SQL reference has no result");
        }

        if (ours.Concat(raw).Any(r => r.Requests == 0))
        {
            return Missing(scenario, Target, "a round completed no request (rounds shorter than one answer)");
        }

        var ratios = Ratios.Of(ours, raw, (o, r) => o.P99Ms / r.P99Ms);
        var errors = ours.Sum(r => r.Errors);
        return new ScenarioRow(
            scenario,
            Report.Invariant($"p99 {Ratios.MedianOf(ours.Select(r => r.P99Ms)):F1} ms (p50 {Ratios.MedianOf(ours.Select(r => r.P50Ms)):F1}, {Ratios.MedianOf(ours.Select(r => r.Rps)):N0} req/s{Cpu(ours)})"),
            Report.Invariant($"p99 {Ratios.MedianOf(raw.Select(r => r.P99Ms)):F1} ms (p50 {Ratios.MedianOf(raw.Select(r => r.P50Ms)):F1}) — same SQL through Npgsql"),
            ratios.Text("F2", "×"),
            Target,
            ratios.Median <= 2 && errors == 0,
            Join(ratios.RoundsNote("F2", "×"), errors > 0 ? $"{errors} errors in our rounds" : ""));
    }

    /// <summary>Round trips per operation from the counting pass (counts.json), with statements and CPU for the record.</summary>
    private static ScenarioRow RoundTrips(string results, string operation, string scenario, double? target)
    {
        var targetText = target is { } limit ? Report.Invariant($"≤ {limit:0}") : "—";
        var path = Path.Combine(results, "counts.json");
        var counts = File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(File.ReadAllText(path)) : null;
        if (counts?.GetValueOrDefault(operation) is not { } count || count.GetValueOrDefault("operations") is not (> 0 and var operations))
        {
            return Missing(scenario, targetText, "not counted");
        }

        var perOperation = count.GetValueOrDefault("roundTrips") / operations;
        var pgss = count.TryGetValue("pgssStatements", out var calls) ? Report.Invariant($"; pg_stat_statements {calls / operations:F2} statements") : "";
        return new ScenarioRow(
            scenario,
            Report.Invariant($"{perOperation:F2} ({count.GetValueOrDefault("statements") / operations:F2} statements sent{pgss})"),
            Report.Invariant($"{operations:N0} operations, one at a time, through the counting relay"),
            "—",
            targetText,
            target is null ? null : perOperation <= target,
            "");
    }

    private static ScenarioRow Added(string scenario, LoadResult? ours, LoadResult? emulator)
    {
        if (ours is null || emulator is null)
        {
            return Missing(scenario, "(diagnostic)", "no result") with { Informative = true };
        }

        var added = ours.P50Ms - emulator.P50Ms;
        return new ScenarioRow(
            scenario,
            Report.Invariant($"p50 {ours.P50Ms:F1} ms, p99 {ours.P99Ms:F1} ms (n={ours.Requests})"),
            Report.Invariant($"p50 {emulator.P50Ms:F1} ms, p99 {emulator.P99Ms:F1} ms — the emulator called directly"),
            Report.Invariant($"+{added:F1} ms"),
            "(diagnostic)",
            null,
            "")
        {
            Informative = true,
        };
    }

    /// <summary>
    /// A media job's CPU time against the recording's length: informative, as the issue's targets are for the HLS
    /// stream copy and the rendition, which are not built yet.
    /// </summary>
    /// <summary>
    /// The CPU of one media job against the recording's length: a diagnostic, or judged against
    /// <paramref name="targetPercent"/> of the length.
    /// </summary>
    private static ScenarioRow MediaCost(string results, string name, string cpuKey, string lengthKey, double? targetPercent = null)
    {
        var scenario = $"Media jobs: {name}, CPU per minute of recording{(targetPercent is null ? " (diagnostic)" : "")}";
        var targetText = targetPercent is { } limit ? Report.Invariant($"≤ {limit:0} % of its length") : "—";
        var path = Path.Combine(results, "media.json");
        if (!File.Exists(path))
        {
            return Missing(scenario, targetText, "not measured") with { Informative = targetPercent is null };
        }

        var media = JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(path)) ?? [];
        var cpu = media.GetValueOrDefault(cpuKey);
        var length = media.GetValueOrDefault(lengthKey);
        var percent = 100 * cpu / length;
        return new ScenarioRow(
            scenario,
            Report.Invariant($"{cpu:F2} s CPU for {length / 60:F1} min: {cpu / (length / 60):F2} s per minute ({percent:F2} % of its length)"),
            "—", "—", targetText, targetPercent is { } target ? percent <= target : null, "the API's own ffmpeg calls, CPU of the child processes")
        {
            Informative = targetPercent is null,
        };
    }

    private static ScenarioRow Memory(string results)
    {
        var path = Path.Combine(results, "memory.json");
        if (!File.Exists(path))
        {
            return Missing("API memory after all scenarios (RSS)", "≤ 250 MB", "not measured");
        }

        var memory = JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(path)) ?? [];
        var rss = memory.GetValueOrDefault("rssMb");
        return new ScenarioRow(
            "API memory after all scenarios (RSS)",
            Report.Invariant($"{rss:F0} MB (peak {memory.GetValueOrDefault("peakMb"):F0} MB)"),
            "—", "—", "≤ 250 MB", rss <= 250, "");
    }

    /// <summary>
    /// The first Start a teacher makes after an API process started (it signed in first), over several fresh processes:
    /// the median must stay under a second. Absolute, as the issue asks; the runs' load averages are in load.txt.
    /// </summary>
    private static ScenarioRow FirstStart(string results)
    {
        const string Name = "First Start after the API started (fresh process, signed in), median of its runs";
        var path = Path.Combine(results, "first-start.json");
        if (!File.Exists(path))
        {
            return Missing(Name, "≤ 1000 ms", "not measured");
        }

        var runs = JsonSerializer.Deserialize<Dictionary<string, double[]>>(File.ReadAllText(path))?.GetValueOrDefault("runsMs") ?? [];
        if (runs.Length == 0)
        {
            return Missing(Name, "≤ 1000 ms", "no run answered 201");
        }

        var sorted = runs.Order().ToArray();
        var median = sorted[sorted.Length / 2];
        return new ScenarioRow(
            Name,
            Report.Invariant($"{median:F0} ms (runs: {string.Join(", ", runs.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms)"),
            "—", "—", "≤ 1000 ms", median <= 1000, "");
    }

    private static ScenarioRow Spa(string results)
    {
        var path = Path.Combine(results, "spa.json");
        if (!File.Exists(path))
        {
            return Missing("SPA initial JavaScript", "≤ 200 KB gzip", "web build failed or was skipped");
        }

        var spa = JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(path)) ?? [];
        var kb = spa.GetValueOrDefault("kb");
        return new ScenarioRow("SPA initial JavaScript", Report.Invariant($"{kb:F1} KB gzip"), "—", "—", "≤ 200 KB gzip", kb <= 200, "");
    }

    /// <summary>", 0.12 ms CPU/req" (the median of the rounds) when the rounds measured the process's CPU time.</summary>
    private static string Cpu(Rounds rounds) =>
        rounds.All(r => r.CpuMsPerRequest is not null) ? Report.Invariant($", {Ratios.MedianOf(rounds.Select(r => r.CpuMsPerRequest!.Value)):F2} ms CPU/req") : "";

    private static string Join(params string[] notes) => string.Join("; ", notes.Where(n => n.Length > 0));

    private static ScenarioRow Missing(string scenario, string target, string why) =>
        new(scenario, "—", "—", "—", target, null, why);
}
