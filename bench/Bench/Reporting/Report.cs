using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ItqanRecording.Bench.Reporting;

/// <summary>
/// Reads the results folder scripts/bench.sh filled and writes the measured table into docs/performance.md, between
/// the <c>bench:begin</c>/<c>bench:end</c> markers (the hand-written analysis around them stays). Exits 1 when a
/// target is missed or could not be measured.
/// </summary>
public static class Report
{
    public const string Begin = "<!-- bench:begin (written by `make bench`; edit outside these markers) -->";
    public const string End = "<!-- bench:end -->";

    public static async Task<int> RunAsync(Arguments options, CancellationToken cancellationToken)
    {
        var results = options.Get("results");
        var meta = ReadMeta(Path.Combine(results, "meta.json"));
        var rows = Scenarios.Evaluate(results, meta);
        var text = Render(rows, meta, results);
        Console.WriteLine(text);

        var output = options.Get("out");
        var existing = File.Exists(output) ? await File.ReadAllTextAsync(output, cancellationToken) : "# Performance\n";
        var begin = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        var block = $"{Begin}\n{text}\n{End}";
        var updated = begin >= 0 && end > begin
            ? existing[..begin] + block + existing[(end + End.Length)..]
            : existing.TrimEnd() + "\n\n" + block + "\n";
        await File.WriteAllTextAsync(output, updated, cancellationToken);

        var missed = rows.Where(r => !r.Informative && r.Met != true).ToList();
        foreach (var row in missed)
        {
            await Console.Error.WriteLineAsync($"bench: MISSED {row.Scenario}: {row.Note}");
        }

        return missed.Count == 0 ? 0 : 1;
    }

    private static Dictionary<string, string> ReadMeta(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path), BenchJson.Options) ?? []
            : [];

    private static string Render(IReadOnlyList<ScenarioRow> rows, Dictionary<string, string> meta, string results)
    {
        var text = new StringBuilder();
        var memoryGb = MemTotalGb();
        text.AppendLine(Invariant($"## Last run: {meta.GetValueOrDefault("date", "?")}, commit {meta.GetValueOrDefault("commit", "?")}"));
        text.AppendLine();
        text.AppendLine(Invariant($"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {memoryGb:F1} GiB memory, {Environment.OSVersion}, .NET {Environment.Version}. ")
            + "Everything (PostgreSQL, API, emulator, nginx, load generator) runs on this one machine over 127.0.0.1.");
        text.AppendLine();
        text.AppendLine("| scenario | ours | reference (same run) | ratio | target | |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            var mark = row.Informative ? "info" : row.Met switch { true => "met", false => "**missed**", null => "**not measured**" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Scenario} | {row.Ours} | {row.Reference} | {row.Ratio} | {row.Target} | {mark} |");
        }

        text.AppendLine();
        var notes = rows.Where(r => r.Note.Length > 0).ToList();
        if (notes.Count > 0)
        {
            foreach (var row in notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {row.Scenario}: {row.Note}");
            }

            text.AppendLine();
        }

        text.AppendLine("Run settings: " + string.Join(", ", meta.Where(m => m.Key is not ("date" or "commit")).OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"`{m.Key}={m.Value}`")));
        text.AppendLine();

        var micro = Directory.Exists(Path.Combine(results, "micro"))
            ? Directory.GetFiles(Path.Combine(results, "micro"), "*-report-github.md", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        if (micro is not null)
        {
            text.AppendLine("### Micro-benchmarks: webhook verification and parsing (BenchmarkDotNet, short job)");
            text.AppendLine();
            text.AppendLine(string.Join('\n', File.ReadAllLines(micro).SkipWhile(l => !l.StartsWith('|'))));
            text.AppendLine();
        }

        var plans = Directory.Exists(Path.Combine(results, "plans")) ? Directory.GetFiles(Path.Combine(results, "plans"), "*.txt").Order(StringComparer.Ordinal).ToList() : [];
        if (plans.Count > 0)
        {
            text.AppendLine("### Query plans of the catalogue scenarios (EXPLAIN (ANALYZE, BUFFERS), captured statements)");
            text.AppendLine();
            foreach (var plan in plans)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>{Path.GetFileNameWithoutExtension(plan)}</summary>");
                text.AppendLine();
                text.AppendLine("```");
                text.AppendLine(File.ReadAllText(plan).TrimEnd());
                text.AppendLine("```");
                text.AppendLine();
                text.AppendLine("</details>");
                text.AppendLine();
            }
        }

        return text.ToString().TrimEnd();
    }

    private static double MemTotalGb()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024;
    }

    private static string CpuModel()
    {
        var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
