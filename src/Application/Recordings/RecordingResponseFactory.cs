using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Domain.Users;

namespace ItqanRecording.Application.Recordings;

/// <summary>
/// Shows a recording to a user who may see it: a completed one carries signed links, made out to that user, to
/// stream and to download its file. Every use case that returns recordings to a user builds them here, after it
/// has checked that the user may see them.
/// </summary>
public sealed class RecordingResponseFactory(IRecordingLinkSigner signer)
{
    public RecordingResponse Create(Domain.Recordings.Recording recording, Actor viewer) =>
        Create(RecordingRow.Of(recording), viewer);

    public RecordingResponse Create(RecordingRow recording, Actor viewer)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(viewer);
        var links = recording.Status == RecordingStatus.Completed
            ? signer.SignFileLinks(
                recording.Id,
                viewer.UserId,
                withPoster: recording.PosterState == MediaJobState.Done,
                withAac: recording.AacState == MediaJobState.Done,
                withPreviews: recording.PreviewsState == MediaJobState.Done,
                withHls: recording.HlsState == MediaJobState.Done)
            : null;
        return RecordingResponse.From(recording, links);
    }
}
