using System.Collections;

namespace ItqanRecording.Bench.Reporting;

/// <summary>The measured rounds of one side of a scenario: NAME-r1.json, NAME-r2.json, … in the results folder.</summary>
public sealed class Rounds(IReadOnlyList<LoadResult> rounds) : IReadOnlyList<LoadResult>
{
    public static Rounds Read(string results, string name)
    {
        var found = new List<LoadResult>();
        for (var round = 1; LoadResult.TryRead(Path.Combine(results, $"{name}-r{round}.json")) is { } result; round++)
        {
            found.Add(result);
        }

        return new Rounds(found);
    }

    public int Count => rounds.Count;

    public LoadResult this[int index] => rounds[index];

    public IEnumerator<LoadResult> GetEnumerator() => rounds.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The ratios of paired rounds (ours of round i over the reference of round i), their median and spread.</summary>
public sealed class Ratios
{
    private Ratios(IReadOnlyList<double> values) => Values = values;

    public IReadOnlyList<double> Values { get; }

    public double Median => MedianOf(Values);

    public static Ratios Of(Rounds ours, Rounds reference, Func<LoadResult, LoadResult, double> ratio) =>
        new([.. ours.Zip(reference, ratio)]);

    public static Ratios Of(IReadOnlyList<double> ours, IReadOnlyList<double> reference) =>
        new([.. ours.Zip(reference, (o, r) => o / r)]);

    public static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>"0.59 (0.55–0.62)": the median and the lowest and highest round.</summary>
    public string Text(string format, string unit) =>
        Values.Count == 1
            ? Format(Median, format) + unit
            : $"{Format(Median, format)}{unit} ({Format(Values.Min(), format)}–{Format(Values.Max(), format)})";

    /// <summary>"rounds: 0.61, 0.55, 0.59": each round's ratio, in the order they ran.</summary>
    public string RoundsNote(string format, string unit) =>
        $"{Values.Count} rounds, ratio of each: {string.Join(", ", Values.Select(v => Format(v, format) + unit))}";

    private static string Format(double value, string format) => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
