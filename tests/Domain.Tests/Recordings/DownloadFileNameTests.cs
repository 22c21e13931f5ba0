using ItqanRecording.Domain.Recordings;

namespace ItqanRecording.Domain.Tests.Recordings;

public class DownloadFileNameTests
{
    [Theory]
    [InlineData("Lesson \u202Egpj.exe", "Lesson gpj.exe.mp4")]
    [InlineData("\u202A\u202B\u202C\u202D\u202ELesson", "Lesson.mp4")]
    [InlineData("\u2066\u2067\u2068Lesson\u2069", "Lesson.mp4")]
    [InlineData("Les\u200Bson\u200E\u200F\uFEFF\u061C", "Lesson.mp4")]
    public void Direction_controls_and_other_format_characters_are_dropped(string displayName, string expected) =>
        DownloadFileName.For(displayName, RecordingFormat.Mp4).Should().Be(expected);

    [Fact]
    public void Control_and_reserved_characters_become_underscores_and_letters_of_every_script_stay() =>
        DownloadFileName.For("درس: \"Rules\"/1\t", RecordingFormat.Ogg).Should().Be("درس_ _Rules__1_.ogg");
}
