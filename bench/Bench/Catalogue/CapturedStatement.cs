using System.Text;
using System.Text.Json;

namespace ItqanRecording.Bench.Catalogue;

/// <summary>One statement an API request ran, as PostgreSQL logged it: its text and its parameter values.</summary>
public sealed record CapturedStatement(string Sql, IReadOnlyList<string?> Parameters)
{
    /// <summary>
    /// The statement with its parameters as untyped literals, which PostgreSQL types from context as it does an
    /// unnamed statement's parameters; the planner sees the values either way (a custom plan).
    /// </summary>
    public string ToLiteralSql(Func<string, string>? rewriteValue = null)
    {
        var sql = new StringBuilder(Sql);
        for (var n = Parameters.Count; n >= 1; n--)
        {
            var value = Parameters[n - 1];
            var literal = value is null ? "NULL" : "'" + (rewriteValue?.Invoke(value) ?? value).Replace("'", "''", StringComparison.Ordinal) + "'";
            sql.Replace("$" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), literal);
        }

        return sql.ToString();
    }

    public static async Task<IReadOnlyList<CapturedStatement>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<CapturedStatement>>(file, BenchJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"{path} holds no statements");
    }
}
