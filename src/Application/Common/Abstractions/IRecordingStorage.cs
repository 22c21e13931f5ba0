namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>
/// Where recording files live. LiveKit's egress writes under its own root (e.g. <c>/recordings</c>); the same
/// files appear under the API's storage root. Paths held by recordings are relative to that root.
/// </summary>
public interface IRecordingStorage
{
    /// <summary>The path the egress must write a file to, for a path relative to the storage root.</summary>
    string ToEgressPath(string relativePath);

    /// <summary>
    /// The storage-relative path of a file the egress reports, or null when it lies outside the egress root or
    /// would leave the storage root (by its text, or through a symbolic link on the way).
    /// </summary>
    string? ToRelativePath(string egressPath);

    /// <summary>The file's size in bytes, or null when it does not exist.</summary>
    long? GetFileSize(string relativePath);

    /// <summary>
    /// The file as it is on disk now, or null when it does not exist. Throws <see cref="ArgumentException"/> for a
    /// path that would leave the storage root, by its text or through a symbolic link (asked again on every call:
    /// a file may be replaced by a link after its recording completed).
    /// </summary>
    StoredFile? FindFile(string relativePath);

    /// <summary>
    /// Removes the file; a file that is already gone is not an error. Throws <see cref="ArgumentException"/> for a
    /// path that would leave the storage root.
    /// </summary>
    void DeleteFile(string relativePath);
}

/// <summary>
/// A file under the storage root: where it is on this machine, how long it is, when it last changed, and, when the
/// deployment has nginx send recording files, the internal URI for its <c>X-Accel-Redirect</c> (null otherwise).
/// </summary>
public sealed record StoredFile(string PhysicalPath, long Length, DateTimeOffset LastModified, string? AcceleratedRedirect);
