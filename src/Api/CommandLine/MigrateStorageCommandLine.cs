using System.Globalization;
using ItqanRecording.Application.Recordings.MigrateStorage;
using Mediator;

namespace ItqanRecording.Api.CommandLine;

/// <summary>
/// <c>ItqanRecording.Api migrate-storage [--dry-run]</c>: runs <see cref="MigrateStorageCommand"/> with the API's own
/// configuration (the same environment variables), prints one line per local file and a total, and exits 0 when
/// nothing failed, 1 otherwise. The web server is not started; other instances may keep serving meanwhile.
/// </summary>
public static class MigrateStorageCommandLine
{
    public const string Verb = "migrate-storage";

    public static bool Wants(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var dryRun = args.Contains("--dry-run", StringComparer.Ordinal);
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new MigrateStorageCommand(dryRun));
        foreach (var file in report.Files)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{file.Outcome,-14} {file.RecordingId} {file.RelativePath} {file.SizeBytes} bytes{(file.Reason is null ? "" : ": " + file.Reason)}"));
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{(dryRun ? "dry run: " : "")}{report.Files.Count} local files, {report.CopiedBytes} bytes copied, {(report.Complete ? "complete" : "stopped at a failure; run again to resume")}"));
        return report.Complete ? 0 : 1;
    }
}
