using System.Text;
using Npgsql;

namespace ItqanRecording.Bench.Catalogue;

/// <summary>EXPLAIN (ANALYZE, BUFFERS) of every captured statement of an endpoint, into one text file.</summary>
public static class QueryPlans
{
    public static async Task<int> RunAsync(Arguments options, CancellationToken cancellationToken)
    {
        var statements = await CapturedStatement.LoadAsync(options.Get("statements"), cancellationToken);
        await using var connection = new NpgsqlConnection(options.Get("db"));
        await connection.OpenAsync(cancellationToken);
        var output = new StringBuilder();
        foreach (var statement in statements)
        {
            var sql = statement.ToLiteralSql();
            output.AppendLine("-- " + sql.ReplaceLineEndings(" "));
            if (!sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                output.AppendLine("(not a SELECT: not explained)").AppendLine();
                continue;
            }

            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                output.AppendLine(reader.GetString(0));
            }

            output.AppendLine();
        }

        await File.WriteAllTextAsync(options.Get("out"), output.ToString(), cancellationToken);
        Console.WriteLine($"explain: {statements.Count} statement(s) → {options.Get("out")}");
        return 0;
    }
}
