using System.Text.Json;

namespace ItqanRecording.Bench.Reporting;

/// <summary>One line of the table. <see cref="Met"/> is null when the scenario could not be measured.</summary>
public sealed record ScenarioRow(string Scenario, string Ours, string Reference, string Ratio, string Target, bool? Met, string Note)
{
    /// <summary>A diagnostic line without a target of its own; it never fails the run.</summary>
    public bool Informative { get; init; }
}

/// <summary>The issue's targets, each a ratio to a reference measured in the same run (or an absolute limit).</summary>
public static class Scenarios
{
    public static IReadOnlyList<ScenarioRow> Evaluate(string results, IReadOnlyDictionary<string, string> meta)
    {
        LoadResult? Load(string name) => LoadResult.TryRead(Path.Combine(results, name + ".json"));
        string Setting(string key) => meta.GetValueOrDefault(key, "?");

        var rows = new List<ScenarioRow>
        {
            Throughput(
                $"Verified webhook, ignored event (participant_joined, 1.5 KB), {Setting("webhook_connections")} connections",
                Load("webhook-ignored"), Load("webhook-bare"), r => r.Rps, "req/s", "bare ASP.NET Core POST → 200", 0.5),
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
            Latency($"Session recordings list, {Setting("catalogue_connections")} connections", Load("session-list"), Load("session-list-raw"), 10),
            Latency($"Catalogue page 1 (50 rows, status + teacher), {Setting("catalogue_connections")} connections", Load("catalogue-page"), Load("catalogue-page-raw"), 25),
            Latency($"Catalogue late page ({Setting("catalogue_late_page")}, same filters), {Setting("catalogue_connections")} connections", Load("catalogue-late"), Load("catalogue-late-raw"), 25),
            Latency($"Catalogue stats (academy of 500,000), {Setting("stats_connections")} connections", Load("catalogue-stats"), Load("catalogue-stats-raw"), 150),
            Added($"Start, {Setting("startstop_concurrency")} sessions at once", Load("startstop-api-start"), Load("startstop-emulator-start")),
            Added($"Stop, {Setting("startstop_concurrency")} sessions at once", Load("startstop-api-stop"), Load("startstop-emulator-stop")),
            Added("Start, one call at a time (diagnostic: nothing queues)", Load("startstop-seq-api-start"), Load("startstop-seq-emulator-start")) with { Informative = true },
            Added("Stop, one call at a time (diagnostic)", Load("startstop-seq-api-stop"), Load("startstop-seq-emulator-stop")) with { Informative = true },
            Memory(results),
            FirstStart(results),
            Spa(results),
        };
        return rows;
    }

    private static ScenarioRow Throughput(string scenario, LoadResult? ours, LoadResult? reference, Func<LoadResult, double> figure, string unit, string referenceName, double target)
    {
        if (ours is null || reference is null)
        {
            return Missing(scenario, $"≥ {target:0.0#} of its {unit}", ours is null ? "our run has no result" : "the reference has no result");
        }

        var ratio = figure(ours) / figure(reference);
        var note = ours.Errors > 0 ? $"{ours.Errors} errors (non-2xx or socket) in our run" : "";
        return new ScenarioRow(
            scenario,
            Report.Invariant($"{figure(ours):N0} {unit} (p99 {ours.P99Ms:F1} ms{Cpu(ours)})"),
            Report.Invariant($"{figure(reference):N0} {unit}{Cpu(reference)} — {referenceName}"),
            Report.Invariant($"{ratio:F2}"),
            Report.Invariant($"≥ {target:0.0#}"),
            ratio >= target && ours.Errors == 0,
            note);
    }

    /// <summary>A row measured through the shipped nginx front: the note says what the figure and its CPU are.</summary>
    private static ScenarioRow Front(ScenarioRow row) =>
        row with
        {
            Note = string.Join(
                "; ",
                new[]
                {
                    row.Note,
                    "ours is the API behind the shipped nginx front (deploy/nginx/itqan-recording.conf, the reference's nginx binary): "
                    + "the API authorises each request, nginx sends the bytes; ms CPU/req is the API process's alone",
                }.Where(n => n.Length > 0)),
        };

    private static ScenarioRow EgressEnded(string results, LoadResult? ours, LoadResult? reference, string connections)
    {
        var scenario = $"egress_ended applied (verify, parse, update, audit), distinct recordings, {connections} connections";
        var verifyPath = Path.Combine(results, "egress-verify.json");
        if (ours is null || reference is null || !File.Exists(verifyPath))
        {
            return Missing(scenario, "≥ 0.5 of its tps", "no result");
        }

        var counts = JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(verifyPath)) ?? [];
        var completed = counts.GetValueOrDefault("completed");
        var applied = completed / ours.DurationS;
        var ratio = applied / reference.Rps;
        var left = counts.GetValueOrDefault("processing");
        var note = Report.Invariant($"{completed:N0} recordings completed in {ours.DurationS:F0} s (checked in the database), {ours.Requests:N0} requests sent, {left:N0} left processing, {ours.Errors} errors");
        return new ScenarioRow(
            scenario,
            Report.Invariant($"{applied:N0} applied/s (p99 {ours.P99Ms:F1} ms{Cpu(ours)})"),
            Report.Invariant($"{reference.Rps:N0} tps — pgbench -N, same clients"),
            Report.Invariant($"{ratio:F2}"),
            "≥ 0.5",
            ratio >= 0.5 && ours.Errors == 0 && left > 0,
            left == 0 ? note + "; every prepared recording was used: prepare more, the rate is a lower bound" : note);
    }

    private static ScenarioRow Latency(string scenario, LoadResult? ours, LoadResult? raw, double absoluteMs)
    {
        var target = Report.Invariant($"p99 ≤ 2× raw and ≤ {absoluteMs:0} ms");
        if (ours is null || raw is null)
        {
            return Missing(scenario, target, ours is null ? "our run has no result (endpoint missing?)" : "the raw-SQL reference has no result");
        }

        var ratio = ours.P99Ms / raw.P99Ms;
        return new ScenarioRow(
            scenario,
            Report.Invariant($"p99 {ours.P99Ms:F1} ms (p50 {ours.P50Ms:F1}, {ours.Rps:N0} req/s{Cpu(ours)})"),
            Report.Invariant($"p99 {raw.P99Ms:F1} ms (p50 {raw.P50Ms:F1}) — same SQL through Npgsql"),
            Report.Invariant($"{ratio:F2}×"),
            target,
            ratio <= 2 && ours.P99Ms <= absoluteMs && ours.Errors == 0,
            ours.Errors > 0 ? $"{ours.Errors} errors in our run" : "");
    }

    private static ScenarioRow Added(string scenario, LoadResult? ours, LoadResult? emulator)
    {
        if (ours is null || emulator is null)
        {
            return Missing(scenario, "added p50 ≤ 5 ms", "no result");
        }

        var added = ours.P50Ms - emulator.P50Ms;
        return new ScenarioRow(
            scenario,
            Report.Invariant($"p50 {ours.P50Ms:F1} ms, p99 {ours.P99Ms:F1} ms (n={ours.Requests})"),
            Report.Invariant($"p50 {emulator.P50Ms:F1} ms, p99 {emulator.P99Ms:F1} ms — the emulator called directly"),
            Report.Invariant($"+{added:F1} ms"),
            "added p50 ≤ 5 ms",
            added <= 5,
            "");
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

    /// <summary>", 0.12 ms CPU/req" when the run measured the process's CPU time.</summary>
    private static string Cpu(LoadResult result) =>
        result.CpuMsPerRequest is { } cpu ? Report.Invariant($", {cpu:F2} ms CPU/req") : "";

    private static ScenarioRow Missing(string scenario, string target, string why) =>
        new(scenario, "—", "—", "—", target, null, why);
}
