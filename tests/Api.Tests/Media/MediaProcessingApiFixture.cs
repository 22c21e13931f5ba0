using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace ItqanRecording.Api.Tests.Media;

/// <summary>
/// An API of its own for the media tests, so the only media jobs in its database are theirs and the demo recordings';
/// its automatic transcriber is <see cref="TranscriberScript"/>.
/// </summary>
public sealed class MediaProcessingApiFixture : ApiFixture
{
    /// <summary>
    /// A stand-in for a speech recogniser wrapper: fails unless given speech as recognisers take it (one channel of
    /// 16 kHz 16-bit PCM in WAV), then writes one cue with the language asked and the speech's length.
    /// </summary>
    public const string TranscriberScript = """
        #!/bin/sh
        set -e
        format=$(ffprobe -v error -show_entries stream=codec_name,sample_rate,channels -of csv=p=0 "$1")
        [ "$format" = "pcm_s16le,16000,1" ] || { echo "not 16 kHz mono speech: $format" >&2; exit 3; }
        seconds=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$1")
        printf 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n%s قِرَاءَةُ الْقُرْآنِ %s\n' "$2" "$seconds"
        """;

    public string TranscriberPath { get; } = WriteScript("transcriber", TranscriberScript);

    /// <summary>An executable shell script in a folder of its own under the temp folder.</summary>
    public static string WriteScript(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("itqan-test-").FullName, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The media tests run shell scripts: Linux only.");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Transcription:Command", TranscriberPath);
    }

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
