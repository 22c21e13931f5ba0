using System.Text.Json;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ItqanRecording.Bench.ObjectStore;

/// <summary>
/// Moves the stream scenario's recording into the bucket of tools/CephGateway as <c>migrate-storage</c> does: the
/// API's own S3 storage puts the file (with its MD5) and checks the copy, then the row switches to <c>s3</c>. Writes
/// the reference's presigned GET of the object (valid for the rest of the run) and the file's size.
/// </summary>
public static class ObjectStoreSeeder
{
    private static readonly TimeSpan ReferenceLinkLifetime = TimeSpan.FromHours(6);

    public static async Task<int> RunAsync(Arguments options, CancellationToken cancellationToken)
    {
        var storage = StorageOptionsFrom(await File.ReadAllLinesAsync(options.Get("settings"), cancellationToken));
        storage.S3!.PresignedUrlLifetime = ReferenceLinkLifetime;
        var recording = Guid.Parse(options.Get("recording"));
        await using var database = NpgsqlDataSource.Create(options.Get("db"));
        await using var select = database.CreateCommand("SELECT file_path FROM recordings WHERE id = $1 AND file_store = 'local'");
        select.Parameters.Add(new NpgsqlParameter { Value = recording });
        var path = await select.ExecuteScalarAsync(cancellationToken) as string
            ?? throw new CommandLineException($"recording {recording} has no local file to move");
        var physical = Path.Combine(options.Get("storage"), path);

        using var bucket = new S3RecordingStorage(Options.Create(storage), TimeProvider.System);
        await bucket.SaveFileAsync(path, physical, "video/mp4", cancellationToken);
        await using var update = database.CreateCommand("UPDATE recordings SET file_store = 's3' WHERE id = $1");
        update.Parameters.Add(new NpgsqlParameter { Value = recording });
        await update.ExecuteNonQueryAsync(cancellationToken);

        var link = await bucket.FindFileAsync(path, new FileDelivery("video/mp4", null), cancellationToken) as StoredFile.AtPresignedUrl
            ?? throw new InvalidOperationException($"the copy of {path} is not in the bucket");
        await File.WriteAllTextAsync(
            options.Get("out"),
            JsonSerializer.Serialize(new Dictionary<string, object> { ["url"] = link.Url.AbsoluteUri, ["bytes"] = new FileInfo(physical).Length }),
            cancellationToken);
        Console.WriteLine($"object-store-seed: {path} is in bucket {storage.S3.Bucket}, recording {recording} moved there");
        return 0;
    }

    /// <summary>The <c>Storage</c> section from tools/CephGateway's settings file (NAME__PART=value lines).</summary>
    private static StorageOptions StorageOptionsFrom(IEnumerable<string> lines)
    {
        var pairs = lines.Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .Select(p => KeyValuePair.Create(p[0].Replace("__", ":", StringComparison.Ordinal), (string?)p[1]));
        return new ConfigurationBuilder().AddInMemoryCollection(pairs).Build().GetSection(StorageOptions.SectionName).Get<StorageOptions>()
            ?? throw new CommandLineException("the settings file has no Storage section");
    }
}
