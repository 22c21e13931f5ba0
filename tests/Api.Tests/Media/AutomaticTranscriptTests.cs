using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.Media;

/// <summary>
/// The automatic transcriber port: a teacher asks for a transcript, a media job hands the recording's speech to the
/// configured program (here a script standing in for a recogniser) and stores what it writes as the transcript, which
/// the player and the search then read like an uploaded one.
/// </summary>
[Collection(MediaProcessingCollection.Name)]
public sealed class AutomaticTranscriptTests(MediaProcessingApiFixture api)
{
    [Fact]
    public async Task A_teacher_asks_for_an_Arabic_transcript_and_the_transcriber_s_WebVTT_of_the_speech_becomes_it()
    {
        var (recordingId, _) = await api.NewCompletedOggAsync(seconds: 6);
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var student = await api.SignedInClientAsync(TestData.Student);
        await (await student.PostAsync($"/api/recordings/{recordingId}/transcripts/ar/automatic", null))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.control_forbidden");
        await (await teacher.PostAsync($"/api/recordings/{recordingId}/transcripts/fr/automatic", null))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");

        (await AutomaticOfAsync(teacher, recordingId)).Should().BeEquivalentTo(new AutomaticListJson(true, []));
        (await student.GetAsync($"/api/recordings/{recordingId}/transcripts/automatic")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var asked = await teacher.PostAsync($"/api/recordings/{recordingId}/transcripts/ar/automatic", null);

        asked.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await asked.Content.ReadFromJsonAsync<AutomaticJson>()).Should().Be(new AutomaticJson("ar", "queued", null));
        (await teacher.GetFromJsonAsync<List<TranscriptJson>>($"/api/recordings/{recordingId}/transcripts")).Should().BeEmpty();
        (await AutomaticOfAsync(teacher, recordingId)).Transcripts.Should().Equal(new AutomaticJson("ar", "queued", null));
        await api.RunMediaJobsAsync();
        (await AutomaticOfAsync(teacher, recordingId)).Transcripts.Should().Equal(new AutomaticJson("ar", "done", null));
        var listed = (await student.GetFromJsonAsync<List<TranscriptJson>>($"/api/recordings/{recordingId}/transcripts"))!;
        listed.Should().ContainSingle().Which.Should().Match<TranscriptJson>(t => t.Language == "ar" && t.Automatic);
        var text = await student.GetStringAsync($"/api/recordings/{recordingId}/transcripts/ar");
        text.Should().StartWith("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nar قِرَاءَةُ الْقُرْآنِ ");
        double.Parse(text.Split(' ')[^1], CultureInfo.InvariantCulture).Should().BeApproximately(6, 0.2, "the transcriber heard the whole recording");
        var found = await student.GetStringAsync($"/api/me/recordings?q={Uri.EscapeDataString("القران")}");
        found.Should().Contain(recordingId.ToString(), "the search reads the automatic transcript as any other");

        var again = await teacher.PostAsync($"/api/recordings/{recordingId}/transcripts/ar/automatic", null);
        (await again.Content.ReadFromJsonAsync<AutomaticJson>())!.State.Should().Be("queued", "a finished transcript may be asked for again");
    }

    [Fact]
    public async Task A_transcriber_that_fails_leaves_its_reason_on_the_job_and_none_configured_is_refused()
    {
        var (recordingId, _) = await api.NewCompletedOggAsync(seconds: 3);
        var failing = MediaProcessingApiFixture.WriteScript("failing-transcriber", "#!/bin/sh\necho 'model file not found' >&2\nexit 2");
        using var broken = api.StartAnotherInstance(builder => builder.UseSetting("Transcription:Command", failing));
        var teacher = await broken.SignedInClientAsync(TestData.Teacher);
        (await teacher.PostAsync($"/api/recordings/{recordingId}/transcripts/en/automatic", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        await broken.Services.GetRequiredService<MediaProcessingJob>().RunUntilIdleAsync(CancellationToken.None);

        var after = (await AutomaticOfAsync(teacher, recordingId)).Transcripts.Should().ContainSingle().Subject;
        after.State.Should().Be("queued", "the attempt is tried again later");
        after.LastError.Should().Be("The transcriber exited with code 2: model file not found");
        (await teacher.GetFromJsonAsync<List<TranscriptJson>>($"/api/recordings/{recordingId}/transcripts")).Should().BeEmpty();

        var garbled = MediaProcessingApiFixture.WriteScript("garbled-transcriber", "#!/bin/sh\necho 'no captions here'");
        using var garbling = api.StartAnotherInstance(builder => builder.UseSetting("Transcription:Command", garbled));
        var teacherOfGarbled = await garbling.SignedInClientAsync(TestData.Teacher);
        (await teacherOfGarbled.PostAsync($"/api/recordings/{recordingId}/transcripts/ar/automatic", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await garbling.Services.GetRequiredService<MediaProcessingJob>().RunUntilIdleAsync(CancellationToken.None);
        var refused = await api.WithDbAsync(db => db.MediaJobs.AsNoTracking()
            .SingleAsync(j => j.RecordingId == recordingId && j.Task == MediaTask.ArabicTranscript));
        (refused.State, refused.Attempts).Should().Be((MediaJobState.Failed, 1), "another attempt would be refused the same way");
        refused.LastError.Should().StartWith("The transcriber's output was refused: ");
        (await teacherOfGarbled.GetFromJsonAsync<List<TranscriptJson>>($"/api/recordings/{recordingId}/transcripts")).Should().BeEmpty(
            "output that is not WebVTT is never stored");

        using var without = api.StartAnotherInstance(builder => builder.UseSetting("Transcription:Command", ""));
        var teacherThere = await without.SignedInClientAsync(TestData.Teacher);
        await (await teacherThere.PostAsync($"/api/recordings/{recordingId}/transcripts/ar/automatic", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "learning.no_transcriber");
        (await AutomaticOfAsync(teacherThere, recordingId)).TranscriberConfigured.Should().BeFalse("the tools then offer no button");
    }

    private static async Task<AutomaticListJson> AutomaticOfAsync(HttpClient client, Guid recordingId) =>
        (await client.GetFromJsonAsync<AutomaticListJson>($"/api/recordings/{recordingId}/transcripts/automatic"))!;

    private sealed record AutomaticListJson(bool TranscriberConfigured, List<AutomaticJson> Transcripts);

    private sealed record AutomaticJson(string Language, string State, string? LastError);

    private sealed record TranscriptJson(string Language, DateTimeOffset UpdatedAt, bool Automatic);
}
