using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings;
using RecordingEntity = ItqanRecording.Domain.Recordings.Recording;

namespace ItqanRecording.Application.Notifications;

/// <summary>
/// What a ready notification is about: a recording its students can watch (completed, published, not deleted) since
/// <see cref="RecordingEntity.AvailableAt"/>, for the students of its session and its teacher.
/// </summary>
public static class ReadyRecordings
{
    /// <summary>The recordings that are watchable by their students now.</summary>
    public static IQueryable<RecordingEntity> Watchable(this IQueryable<RecordingEntity> recordings) =>
        recordings.Where(r => r.Status == RecordingStatus.Completed && r.Publication == RecordingPublication.Published && r.AvailableAt != null);

    /// <summary>Who is told that <paramref name="recording"/> is ready: its session's students and its teacher.</summary>
    public static async Task<IReadOnlyCollection<Guid>> AudienceOfAsync(
        RecordingEntity recording, ISessionFinder sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(sessions);
        var session = await sessions.FindAsync(recording.SessionId, cancellationToken);
        return session is null ? [] : [.. session.StudentIds.Append(session.TeacherId).Distinct()];
    }
}
