using ItqanRecording.Domain.Common;
using ItqanRecording.Domain.Learning;

namespace ItqanRecording.Domain.Tests.Learning;

public class TranscriptTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("الْقُرْآنُ", "القران")]
    [InlineData("إِنَّا أَنزَلْنَاهُ", "انا انزلناه")]
    [InlineData("سُؤَال وَمَسْئُول", "سوال ومسيول")]
    [InlineData("الـــرحمن", "الرحمن")]
    [InlineData("مدرسة على", "مدرسه علي")]
    [InlineData("Noon SAKINAH", "noon sakinah")]
    public void Search_text_drops_diacritics_and_tatweel_and_folds_alef_hamza_and_case(string text, string normalized) =>
        SearchText.Normalize(text).Should().Be(normalized);

    [Fact]
    public void A_transcripts_searchable_text_is_its_cues_words_without_timings_notes_or_tags()
    {
        var transcript = RecordingTranscript.Create(
            Guid.NewGuid(), Guid.NewGuid(), TranscriptLanguage.Ar,
            "\uFEFFWEBVTT\r\n\r\nNOTE the teacher's words\r\n\r\n1\r\n00:00:01.000 --> 00:00:04.000 align:start\r\n<v Ustadh>تَبَارَكَ الَّذِي</v>\r\n\r\n00:00:04.000 --> 00:00:06.000\r\nبِيَدِهِ الْمُلْكُ\r\n",
            Guid.NewGuid(), At);

        transcript.SearchableText.Should().Be("تبارك الذي بيده الملك");
        transcript.WebVtt.Should().StartWith("WEBVTT\n");
    }

    [Theory]
    [InlineData("1\n00:00:01.000 --> 00:00:02.000\nhello")]
    [InlineData("WEBVTTX\n")]
    [InlineData("")]
    public void Anything_but_a_WebVTT_file_is_refused(string text)
    {
        var create = () => RecordingTranscript.Create(Guid.NewGuid(), Guid.NewGuid(), TranscriptLanguage.En, text, Guid.NewGuid(), At);

        create.Should().Throw<DomainException>().Which.Code.Should().Be("transcript.not_webvtt");
    }
}
