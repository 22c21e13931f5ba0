using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Learning;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Learning;

/// <summary>Writing a recording's transcript, from a teacher's upload or from the automatic transcriber.</summary>
public static class RecordingTranscripts
{
    /// <summary>
    /// The recording's transcript in <paramref name="language"/> becomes <paramref name="webVtt"/>, written by
    /// <paramref name="byUserId"/> (null: the automatic transcriber): a new one, or the one there replaced. Saved
    /// with the caller's next save; a text that is not WebVTT is refused by the transcript itself.
    /// </summary>
    public static async Task<RecordingTranscript> WriteAsync(
        IApplicationDbContext db,
        Guid recordingId,
        Guid academyId,
        TranscriptLanguage language,
        string webVtt,
        Guid? byUserId,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transcript = await db.RecordingTranscripts.SingleOrDefaultAsync(t => t.RecordingId == recordingId && t.Language == language, cancellationToken);
        if (transcript is null)
        {
            transcript = RecordingTranscript.Create(recordingId, academyId, language, webVtt, byUserId, at);
            db.RecordingTranscripts.Add(transcript);
        }
        else
        {
            transcript.Replace(webVtt, byUserId, at);
        }

        return transcript;
    }
}
