using System.Text.Json;

namespace ItqanRecording.Bench;

/// <summary>
/// One measured run, in the schema bench/wrk/report.lua prints for wrk, so the report reads both alike.
/// Times in milliseconds, rates per second.
/// </summary>
public sealed record LoadResult(
    string Tool,
    int Concurrency,
    long Requests,
    double DurationS,
    long Bytes,
    double Rps,
    double MbPerS,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    long Errors)
{
    /// <summary>CPU time the measured process (the API, or the bare endpoint) spent per request, when measured.</summary>
    public double? CpuMsPerRequest { get; init; }

    public static LoadResult FromLatencies(string tool, int concurrency, IReadOnlyList<double> latenciesMs, double durationS, long bytes, long errors)
    {
        var sorted = latenciesMs.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        return new LoadResult(
            tool, concurrency, sorted.Length, durationS, bytes, sorted.Length / durationS, bytes / durationS / 1_000_000,
            Percentile(50), Percentile(90), Percentile(99), sorted.Length == 0 ? 0 : sorted[^1], errors);
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken) =>
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, BenchJson.Options), cancellationToken);

    public static LoadResult? TryRead(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<LoadResult>(File.ReadAllText(path), BenchJson.Options) : null;
}
