using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;

namespace ItqanRecording.Infrastructure.Storage;

/// <summary>One storage of recording files (the local folder, the object store); <see cref="RecordingStorage"/> picks it.</summary>
public interface IRecordingFileStore
{
    EgressFileDestination DestinationFor(string relativePath);

    string? ToRelativePath(EgressFileResult file);

    Task<long?> GetFileSizeAsync(string relativePath, CancellationToken cancellationToken);

    Task<StoredFile?> FindFileAsync(string relativePath, FileDelivery delivery, CancellationToken cancellationToken);

    /// <summary>The text of a small file made here (a playlist), or null when it does not exist.</summary>
    Task<string?> ReadTextAsync(string relativePath, CancellationToken cancellationToken);

    /// <summary>Puts a local file at <paramref name="relativePath"/>, replacing what was there, and checks the copy.</summary>
    Task SaveFileAsync(string relativePath, string localPath, string contentType, CancellationToken cancellationToken);

    Task DeleteFileAsync(string relativePath, CancellationToken cancellationToken);
}
