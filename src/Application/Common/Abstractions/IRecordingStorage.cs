namespace Itqan.Recording.Application.Common.Abstractions;

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
    /// would leave the storage root.
    /// </summary>
    string? ToRelativePath(string egressPath);

    /// <summary>The file's size in bytes, or null when it does not exist.</summary>
    long? GetFileSize(string relativePath);
}
