using ItqanRecording.Application.Recordings;

namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>
/// Signs and checks the time-limited links to recording files. Any API instance checks what another signed.
/// </summary>
public interface IRecordingLinkSigner
{
    /// <summary>
    /// Links for <paramref name="userId"/> to stream and to download the recording, to report what they watched of it
    /// and, when they are made, to its
    /// poster, its AAC copy, its seek previews' track and its HLS playlist, valid for the configured lifetime.
    /// </summary>
    RecordingFileLinks SignFileLinks(
        Guid recordingId, Guid userId, bool withPoster = false, bool withAac = false, bool withPreviews = false, bool withHls = false);

    /// <summary>One link for <paramref name="userId"/> to <paramref name="action"/> on the recording, valid for the configured lifetime.</summary>
    RecordingLink SignLink(Guid recordingId, RecordingFileAction action, Guid userId);

    /// <summary>
    /// Whether the link's signature was made here for exactly its recording, action, user and expiry. Says
    /// nothing about whether it has expired.
    /// </summary>
    bool IsAuthentic(RecordingLink link);
}
