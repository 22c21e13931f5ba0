using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Media;

/// <summary>An API of its own for the media tests, so the only media jobs in its database are theirs and the demo recordings'.</summary>
public sealed class MediaProcessingApiFixture : ApiFixture
{
    /// <summary>A completed recording of a real 720p video of <paramref name="seconds"/>, its media jobs queued.</summary>
    public async Task<(Guid RecordingId, string OriginalPath)> NewCompletedVideoAsync(int seconds)
    {
        var empty = this.NewStoredFile(_ => { });
        var physical = Path.Combine(StorageRoot, empty.RelativePath);
        await TestMedia.WriteVideoAsync(physical, seconds);
        var file = new RecordingFile(empty.RelativePath, new FileInfo(physical).Length, RecordingFormat.Mp4);
        return (await this.NewCompletedRecordingAsync(file, duration: TimeSpan.FromSeconds(seconds)), physical);
    }

    /// <summary>A completed audio-only recording (Ogg/Opus, as a Quran circle's) of <paramref name="seconds"/>.</summary>
    public async Task<(Guid RecordingId, string OriginalPath)> NewCompletedOggAsync(int seconds)
    {
        var empty = this.NewStoredFile(_ => { }, RecordingFormat.Ogg);
        var physical = Path.Combine(StorageRoot, empty.RelativePath);
        await TestMedia.WriteOggOpusAsync(physical, seconds);
        var file = new RecordingFile(empty.RelativePath, new FileInfo(physical).Length, RecordingFormat.Ogg);
        return (await this.NewCompletedRecordingAsync(file), physical);
    }
}

[CollectionDefinition(Name)]
public sealed class MediaProcessingCollection : ICollectionFixture<MediaProcessingApiFixture>
{
    public const string Name = "api-media";
}
