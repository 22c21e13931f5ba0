using ItqanRecording.Domain.Common;

namespace ItqanRecording.Domain.Recordings;

/// <summary>The finished media file: where it lies under the storage root, its name, size and format.</summary>
public sealed record RecordingFile
{
    public RecordingFile(string relativePath, long sizeBytes, RecordingFormat format)
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
    }

    public string RelativePath { get; }

    public string Name => Path.GetFileName(RelativePath);

    public long SizeBytes { get; }

    public RecordingFormat Format { get; }
}
