using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Storage;

/// <summary>
/// Sends new recordings to the configured storage and every file request to the storage its recording names. The
/// object store exists only when it is configured; a file said to be in it is missing otherwise.
/// </summary>
public sealed class RecordingStorage(IOptions<StorageOptions> options, LocalRecordingStorage local, S3RecordingStorage? objects = null)
    : IRecordingStorage
{
    public StorageProvider Current { get; } = options.Value.Provider;

    /// <summary>The object store's, whenever one is configured: files already there are served from it.</summary>
    public Uri? MediaOrigin => objects?.MediaOrigin;

    private IRecordingFileStore CurrentStore => StoreOf(Current)
        ?? throw new InvalidOperationException("Storage:Provider is S3 but no object store is configured.");

    public EgressFileDestination DestinationFor(string relativePath) => CurrentStore.DestinationFor(relativePath);

    public string? ToRelativePath(EgressFileResult file) => CurrentStore.ToRelativePath(file);

    public Task<long?> GetFileSizeAsync(string relativePath, CancellationToken cancellationToken) =>
        CurrentStore.GetFileSizeAsync(relativePath, cancellationToken);

    public Task<StoredFile?> FindFileAsync(StorageProvider store, string relativePath, FileDelivery delivery, CancellationToken cancellationToken) =>
        StoreOf(store) is { } found ? found.FindFileAsync(relativePath, delivery, cancellationToken) : Task.FromResult<StoredFile?>(null);

    public Task<string?> ReadTextAsync(StorageProvider store, string relativePath, CancellationToken cancellationToken) =>
        StoreOf(store) is { } found ? found.ReadTextAsync(relativePath, cancellationToken) : Task.FromResult<string?>(null);

    public Task SaveFileAsync(StorageProvider store, string relativePath, string localPath, string contentType, CancellationToken cancellationToken) =>
        Configured(store, relativePath).SaveFileAsync(relativePath, localPath, contentType, cancellationToken);

    public async Task DeleteFilesOfAsync(RecordingFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var store = Configured(file.Store, file.RelativePath);
        await store.DeleteFileAsync(file.RelativePath, cancellationToken);
        foreach (var made in MediaOutputs.AllOf(file.RelativePath))
        {
            await store.DeleteFileAsync(made, cancellationToken);
        }
    }

    public async Task<bool> CopyIntoCurrentAsync(RecordingFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Store != StorageProvider.Local || Current != StorageProvider.S3 || objects is null)
        {
            throw new InvalidOperationException($"Only local files move, and only into a configured object store (this file is {file.Store}, the storage {Current}).");
        }

        if (local.FindFile(file.RelativePath) is not { } source)
        {
            return false;
        }

        await objects.SaveFileAsync(file.RelativePath, source.PhysicalPath, file.Format.ContentType(), cancellationToken);
        return true;
    }

    private IRecordingFileStore Configured(StorageProvider store, string relativePath) =>
        StoreOf(store) ?? throw new StorageUnavailableException(
            $"The file '{relativePath}' lies in the {store} storage, which this instance is not configured for (Storage:S3).");

    private IRecordingFileStore? StoreOf(StorageProvider store) => store switch
    {
        StorageProvider.Local => local,
        StorageProvider.S3 => objects,
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, "Not a storage provider."),
    };
}
