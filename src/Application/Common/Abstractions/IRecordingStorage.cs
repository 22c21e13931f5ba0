using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Domain.Recordings;

namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>
/// Where recording files live: new recordings go to the configured storage (<see cref="Current"/>); every file is
/// read and removed in the storage its recording names (<see cref="RecordingFile.Store"/>), so files from before a
/// move to object storage stay readable. Paths are relative to the storage's root (a folder, or a key prefix).
/// </summary>
public interface IRecordingStorage
{
    /// <summary>The storage new recordings are written to (<c>Storage:Provider</c>).</summary>
    StorageProvider Current { get; }

    /// <summary>
    /// The origin clients fetch files from when it is not the API's (the object store of presigned URLs), else null.
    /// </summary>
    Uri? MediaOrigin { get; }

    /// <summary>Where the egress must put the file of a new recording, for a path relative to the storage root.</summary>
    EgressFileDestination DestinationFor(string relativePath);

    /// <summary>
    /// The storage-relative path of the file an ended egress reports, in the current storage, or null when it lies
    /// outside it: outside the egress folder or the key prefix, or leaving the root by its text or through a
    /// symbolic link.
    /// </summary>
    string? ToRelativePath(EgressFileResult file);

    /// <summary>The size in bytes of a file of the current storage, or null when it does not exist.</summary>
    Task<long?> GetFileSizeAsync(string relativePath, CancellationToken cancellationToken);

    /// <summary>
    /// How to send the file now, for <paramref name="delivery"/>, or null when it does not exist. Throws
    /// <see cref="ArgumentException"/> for a path that would leave the storage root (asked again on every call: a file
    /// may be replaced by a link after its recording completed).
    /// </summary>
    Task<StoredFile?> FindFileAsync(StorageProvider store, string relativePath, FileDelivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// The text of a small file made from a recording's file (its HLS playlist) in the storage that holds it, or null
    /// when it does not exist. Throws <see cref="ArgumentException"/> for a path that would leave the storage root.
    /// </summary>
    Task<string?> ReadTextAsync(StorageProvider store, string relativePath, CancellationToken cancellationToken);

    /// <summary>
    /// Copies a local file into the current storage under the same relative path and checks the copy (its size, and
    /// the store's checksum against one computed here); false when the local file does not exist. Throws
    /// <see cref="InvalidDataException"/> when the copy does not verify, <see cref="StorageUnavailableException"/>
    /// when the store fails. Copying again overwrites an earlier, unswitched copy.
    /// </summary>
    Task<bool> CopyIntoCurrentAsync(RecordingFile file, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a file made here from a recording's file (its poster) at <paramref name="relativePath"/> of the storage
    /// that holds the recording, replacing an earlier one, and checks the copy as <see cref="CopyIntoCurrentAsync"/>
    /// does. Throws <see cref="ArgumentException"/> for a path that would leave the storage root.
    /// </summary>
    Task SaveFileAsync(StorageProvider store, string relativePath, string localPath, string contentType, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the recording's file and every file made from it (<see cref="Domain.Recordings.Media.MediaOutputs"/>);
    /// a file that is already gone is not an error. Throws <see cref="ArgumentException"/> for a path that would
    /// leave the storage root.
    /// </summary>
    Task DeleteFilesOfAsync(RecordingFile file, CancellationToken cancellationToken);
}

/// <summary>How a file is to reach the client: its media type and, for a download, the name to save it under.</summary>
public sealed record FileDelivery(string ContentType, string? DownloadFileName);

/// <summary>A file that exists, and how to send it.</summary>
public abstract record StoredFile
{
    /// <summary>
    /// A file under the local storage root: where it is on this machine, how long it is, when it last changed, and,
    /// when the deployment has nginx send recording files, the internal URI for its <c>X-Accel-Redirect</c>.
    /// </summary>
    public sealed record OnDisk(string PhysicalPath, long Length, DateTimeOffset LastModified, string? AcceleratedRedirect) : StoredFile;

    /// <summary>
    /// An object in the object store, fetched from a short-lived presigned URL: by the client, or, when the
    /// deployment has nginx fetch objects for it, by nginx through the internal URI for its <c>X-Accel-Redirect</c>.
    /// </summary>
    public sealed record AtPresignedUrl(Uri Url, string? AcceleratedRedirect) : StoredFile;

    /// <summary>Text made for this request from what is stored (a track whose links are signed for the asker).</summary>
    public sealed record Made(string Content) : StoredFile;
}
