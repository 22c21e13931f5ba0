using ItqanRecording.Domain.Common;

namespace ItqanRecording.Domain.Recordings;

/// <summary>
/// The finished media file: which storage holds it, where it lies there (a path below the storage root, which in an
/// object store is the key below the configured prefix), its name, size and format.
/// </summary>
public sealed record RecordingFile
{
    public RecordingFile(string relativePath, long sizeBytes, RecordingFormat format, StorageProvider store = StorageProvider.Local)
    {
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            throw new DomainException("recording.file_path_required", "A recording file needs a path.");
        }

        if (sizeBytes < 0)
        {
            throw new DomainException("recording.file_size_negative", "A file size cannot be negative.");
        }

        RelativePath = relativePath;
        SizeBytes = sizeBytes;
        Format = format;
        Store = store;
    }

    public string RelativePath { get; }

    public string Name => Path.GetFileName(RelativePath);

    public long SizeBytes { get; }

    public RecordingFormat Format { get; }

    public StorageProvider Store { get; }

    /// <summary>The same file, copied byte for byte into <paramref name="store"/>.</summary>
    public RecordingFile MovedTo(StorageProvider store) => new(RelativePath, SizeBytes, Format, store);
}
