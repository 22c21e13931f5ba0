using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.Recordings.MigrateStorage;

/// <summary>
/// Moves the files still in the local folder into the current storage (the object store), one recording at a time:
/// copy, verify (size and checksum, <see cref="IRecordingStorage.CopyIntoCurrentAsync"/>), then switch the row. A run
/// that stops half-way (the process killed, the store down) is taken up by the next: it finds only rows still local,
/// and a copy that was not switched is simply made again. Local files are left where they are, for the operator to
/// remove once satisfied. <see cref="DryRun"/> only says what would be copied.
/// </summary>
public sealed record MigrateStorageCommand(bool DryRun) : ICommand<StorageMigrationReport>;

/// <summary>What happened to one local file.</summary>
public enum MigrationOutcome
{
    /// <summary>Dry run: would be copied.</summary>
    WouldCopy,

    /// <summary>Copied, verified, and the recording now reads it from the object store.</summary>
    Copied,

    /// <summary>The local file is gone; the recording stays as it was.</summary>
    MissingLocally,

    /// <summary>The copy did not verify or the store failed; the recording stays local. The run stops here.</summary>
    Failed,
}

public sealed record MigratedFile(Guid RecordingId, string RelativePath, long SizeBytes, MigrationOutcome Outcome, string? Reason = null);

/// <summary>Every local file the run met, in the order met; <see cref="Complete"/> when nothing failed.</summary>
public sealed record StorageMigrationReport(bool DryRun, IReadOnlyList<MigratedFile> Files)
{
    public bool Complete => Files.All(f => f.Outcome != MigrationOutcome.Failed);

    public long CopiedBytes => Files.Where(f => f.Outcome == MigrationOutcome.Copied).Sum(f => f.SizeBytes);
}

public sealed class MigrateStorageHandler(IApplicationDbContext db, IRecordingStorage storage, ILogger<MigrateStorageHandler> logger)
    : ICommandHandler<MigrateStorageCommand, StorageMigrationReport>
{
    private const int BatchSize = 100;

    public async ValueTask<StorageMigrationReport> Handle(MigrateStorageCommand command, CancellationToken cancellationToken)
    {
        if (storage.Current != StorageProvider.S3)
        {
            throw new InvalidOperationException("migrate-storage copies local files into the object store: set Storage:Provider=S3 and Storage:S3 first.");
        }

        var files = new List<MigratedFile>();
        Guid? after = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Keyset over the ids, so a file that stays local (missing, or a dry run) is not met twice.
            var batch = await db.Recordings
                .Where(r => r.File != null && r.File.Store == StorageProvider.Local && (after == null || r.Id.CompareTo(after.Value) > 0))
                .OrderBy(r => r.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var recording in batch)
            {
                var moved = await MoveAsync(recording, command.DryRun);
                files.Add(moved);
                if (moved.Outcome == MigrationOutcome.Failed)
                {
                    return new StorageMigrationReport(command.DryRun, files);
                }
            }

            if (batch.Count < BatchSize)
            {
                break;
            }

            after = batch[^1].Id;
        }

        var report = new StorageMigrationReport(command.DryRun, files);
        logger.LogInformation(
            "Storage migration {Mode}: {FileCount} local files met, {CopiedBytes} bytes copied",
            command.DryRun ? "dry run" : "run", files.Count, report.CopiedBytes);
        return report;
    }

    /// <summary>One recording: copied and switched, or why not. Once copied, the switch is saved even if the run is cancelled.</summary>
    private async Task<MigratedFile> MoveAsync(Domain.Recordings.Recording recording, bool dryRun)
    {
        var file = recording.File!;
        MigratedFile Result(MigrationOutcome outcome, string? reason = null) => new(recording.Id, file.RelativePath, file.SizeBytes, outcome, reason);
        if (dryRun)
        {
            return Result(MigrationOutcome.WouldCopy);
        }

        try
        {
            // A recording in parts moves with its parts.
            foreach (var stored in recording.StoredFiles)
            {
                if (!await storage.CopyIntoCurrentAsync(stored, CancellationToken.None))
                {
                    logger.LogWarning("Recording {RecordingId}: its local file {RelativePath} is missing; left as it is", recording.Id, stored.RelativePath);
                    return Result(MigrationOutcome.MissingLocally);
                }
            }
        }
        catch (Exception exception) when (exception is StorageUnavailableException or InvalidDataException)
        {
            logger.LogError(exception, "Recording {RecordingId}: copying {RelativePath} failed; the run stops", recording.Id, file.RelativePath);
            return Result(MigrationOutcome.Failed, exception.Message);
        }

        recording.MoveFileTo(storage.Current);
        await db.SaveChangesAsync(CancellationToken.None);
        return Result(MigrationOutcome.Copied);
    }
}
