using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ItqanRecording.Bench.Catalogue;

/// <summary>
/// The catalogue's reference: the statements an endpoint ran (captured from the log), run directly through Npgsql
/// with the same pool settings, at the same concurrency and for the same time as the HTTP run. One "request" opens a
/// pooled connection, runs every statement and reads every value of every row, as EF does. With <c>--ids</c>, each
/// request swaps <c>--replace</c> (the id the capture used) for the next id of the file, as the HTTP run does.
/// </summary>
public static class RawQueryRunner
{
    public static async Task<int> RunAsync(Arguments options, CancellationToken cancellationToken)
    {
        var statements = await CapturedStatement.LoadAsync(options.Get("statements"), cancellationToken);
        var concurrency = options.GetInt("concurrency", 4);
        var duration = TimeSpan.FromSeconds(options.GetDouble("duration", 10));
        var warmup = TimeSpan.FromSeconds(options.GetDouble("warmup", 2));
        var replace = options.Get("replace", "");
        var ids = options.Has("ids")
            ? (await File.ReadAllLinesAsync(options.Get("ids"), cancellationToken)).Select(l => l.Split(' ')[0]).Where(l => l.Length > 0).ToArray()
            : [];
        var variants = ids.Length == 0 || replace.Length == 0
            ? [statements.Select(s => s.ToLiteralSql()).ToArray()]
            : ids.Select(id => statements.Select(s => s.ToLiteralSql(v => v.Replace(replace, id, StringComparison.OrdinalIgnoreCase)).Replace(replace, id, StringComparison.OrdinalIgnoreCase)).ToArray()).ToArray();

        var dataSource = NpgsqlDataSource.Create(options.Get("db"));
        await using (dataSource)
        {
            await RunPhaseAsync(dataSource, variants, concurrency, warmup, cancellationToken);
            var result = await RunPhaseAsync(dataSource, variants, concurrency, duration, cancellationToken);
            await result.WriteAsync(options.Get("out"), cancellationToken);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"raw-sql: {result.Requests} requests, {result.Rps:F0}/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, {result.Errors} errors"));
            return result.Errors == 0 ? 0 : 1;
        }
    }

    private static Task<LoadResult> RunPhaseAsync(
        NpgsqlDataSource dataSource, string[][] variants, int concurrency, TimeSpan duration, CancellationToken cancellationToken) =>
        ClosedLoop.RunAsync(
            "npgsql",
            concurrency,
            duration,
            async (n, cancel) =>
            {
                await RunRequestAsync(dataSource, variants[n % variants.Length], cancel);
                return 0;
            },
            exception => exception is NpgsqlException,
            cancellationToken);

    private static async Task RunRequestAsync(NpgsqlDataSource dataSource, string[] statements, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        _ = reader.GetValue(i);
                    }
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
    }
}
