using System.Globalization;
using System.Text;
using System.Text.Json;
using ItqanRecording.Bench.Catalogue;
using ItqanRecording.Bench.Webhooks;
using Npgsql;
using ItqanRecording.LiveKitWebhookSigning;

namespace ItqanRecording.Bench.Egress;

/// <summary>
/// egress_ended applied for distinct recordings: <see cref="PrepareAsync"/> adds recordings that are still
/// processing (copies of completed ones, scattered over the sessions so concurrent webhooks rarely share a session
/// lock) and writes one signed egress_ended per recording; wrk sends each once. <see cref="VerifyAsync"/> counts how
/// many the API really completed, so a 200 that changed nothing cannot pass for work done.
/// </summary>
public static class EgressEndedScenario
{
    private const string EgressFile = "bench/egress-ended.mp4";

    public static async Task<int> PrepareAsync(Arguments options, CancellationToken cancellationToken)
    {
        var count = options.GetInt("count", 100_000);
        var prefix = options.Get("prefix");
        var egressPrefix = options.Get("egress-prefix", "/recordings");
        var storage = options.Get("storage");
        var signer = new LiveKitWebhookSigner(options.Get("key"), options.Get("secret"));

        var file = System.IO.Path.Combine(storage, EgressFile);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, new byte[64 * 1024], cancellationToken);

        await using var connection = new NpgsqlConnection(options.Get("db"));
        await connection.OpenAsync(cancellationToken);
        var rows = new List<(string EgressId, string RoomName)>(count);
        await using (var command = new NpgsqlCommand(
            """
            INSERT INTO recordings (id, session_kind, session_id, academy_id, teacher_id, parent_id, egress_id, room_name, status,
                started_at, ended_at, display_name, metadata, started_by_user_id, stopped_by_user_id)
            SELECT gen_random_uuid(), t.session_kind, t.session_id, t.academy_id, t.teacher_id, t.parent_id,
                @prefix || '_' || t.n, t.room_name, 'processing', now() - interval '35 minutes', now() - interval '5 minutes',
                t.display_name, t.metadata, t.started_by_user_id, t.stopped_by_user_id
            FROM (
                SELECT r.*, row_number() OVER () AS n
                FROM (SELECT * FROM recordings WHERE status = 'completed' ORDER BY hashtext(id::text) LIMIT @count) r
            ) t
            RETURNING egress_id, room_name
            """, connection))
        {
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue("prefix", prefix);
            command.Parameters.AddWithValue("count", count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        await CatalogueSeeder.ExecuteAsync(connection, "ANALYZE recordings", cancellationToken);
        var now = DateTime.UtcNow;
        var createdAt = new DateTimeOffset(now).ToUnixTimeSeconds();
        var egressPath = $"{egressPrefix.TrimEnd('/')}/{EgressFile}";
        await using var output = new StreamWriter(options.Get("out"), append: false, new UTF8Encoding(false));
        long bytes = 0;
        foreach (var (egressId, roomName) in rows)
        {
            var body = WebhookBodies.EgressEnded($"EV_{egressId[3..]}", egressId, roomName, egressPath, 64 * 1024, createdAt);
            bytes += body.Length;
            await output.WriteLineAsync(WebhookRequests.Line(body, signer.Sign(Encoding.UTF8.GetBytes(body), now)).AsMemory(), cancellationToken);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"egress-prepare: {rows.Count} processing recordings and signed egress_ended events, {bytes / Math.Max(1, rows.Count)} bytes each"));
        return 0;
    }

    public static async Task<int> VerifyAsync(Arguments options, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.Get("db"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT status, count(*) FROM recordings WHERE egress_id LIKE @prefix GROUP BY status", connection);
        command.Parameters.AddWithValue("prefix", options.Get("prefix") + "\\_%");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var json = JsonSerializer.Serialize(counts, BenchJson.Options);
        if (options.Has("out"))
        {
            await File.WriteAllTextAsync(options.Get("out"), json, cancellationToken);
        }

        Console.WriteLine($"egress-verify: {json.ReplaceLineEndings(" ")}");
        return 0;
    }
}
