using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Learning.RecordingMarks;

/// <summary>
/// A recording whose marks the actor asks for, when they may see it (<see cref="VisibleRecording"/>): everyone who may
/// watch it sees its chapters and keeps bookmarks of their own; its session's teacher and the admins edit the chapters.
/// </summary>
public sealed record MarkableRecording(Guid Id, Guid AcademyId, Guid SessionId, RecordingStatus Status, TimeSpan? Duration)
{
    public static Task<Result<MarkableRecording>> FindAsync(
        IApplicationDbContext db, ISessionFinder sessions, Guid recordingId, Actor actor, CancellationToken cancellationToken) =>
        VisibleRecording.FindAsync(
            db,
            sessions,
            recordingId,
            actor,
            r => new VisibleRecording.Seen<MarkableRecording>(r.Status, r.SessionId, r.Publication, new MarkableRecording(r.Id, r.AcademyId, r.SessionId, r.Status, r.Duration)),
            cancellationToken);

    /// <summary>
    /// The mark, tracked, when the actor may change it (to <paramref name="at"/>): another user's bookmark does not
    /// exist for them.
    /// </summary>
    public static async Task<Result<RecordingMark>> FindEditableMarkAsync(
        IApplicationDbContext db, ISessionFinder sessions, Guid recordingId, Guid markId, Actor actor, TimeSpan at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await FindAsync(db, sessions, recordingId, actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var mark = await db.RecordingMarks.SingleOrDefaultAsync(m => m.Id == markId && m.RecordingId == recordingId, cancellationToken);
        if (mark is null || (mark.Kind == RecordingMarkKind.Bookmark && mark.UserId != actor.UserId))
        {
            return LearningErrors.MarkNotFound;
        }

        return await found.Value.RefusalAsync(sessions, actor, mark.Kind, at, cancellationToken) is { } refusal ? refusal : mark;
    }

    /// <summary>Whether the actor edits the recording's chapters: its session's teacher and the admins.</summary>
    public async Task<bool> ChaptersEditableByAsync(ISessionFinder sessions, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return (await sessions.FindAsync(SessionId, cancellationToken))?.CanControlRecording(actor) == true;
    }

    /// <summary>Null when the actor may make or change a mark of <paramref name="kind"/> at <paramref name="at"/>, else why not.</summary>
    public async Task<Error?> RefusalAsync(ISessionFinder sessions, Actor actor, RecordingMarkKind kind, TimeSpan at, CancellationToken cancellationToken)
    {
        if (kind == RecordingMarkKind.Chapter && !await ChaptersEditableByAsync(sessions, actor, cancellationToken))
        {
            return LearningErrors.ChaptersForbidden;
        }

        return Duration is { } length && at > length ? LearningErrors.MarkPastTheEnd(length) : null;
    }
}

/// <summary>
/// A mark as the API shows it; <see cref="Mine"/> when the asker made it, <see cref="Editable"/> when the asker may move,
/// rename or delete it (a chapter: the session's teacher and the admins; a bookmark: its owner).
/// </summary>
public sealed record RecordingMarkResponse(Guid Id, Guid RecordingId, RecordingMarkKind Kind, double AtSeconds, string Label, bool Mine, bool Editable)
{
    public static RecordingMarkResponse From(RecordingMark mark, Guid askerId, bool chaptersEditable)
    {
        ArgumentNullException.ThrowIfNull(mark);
        var mine = mark.UserId == askerId;
        return new RecordingMarkResponse(
            mark.Id, mark.RecordingId, mark.Kind, mark.AtSeconds, mark.Label, mine, mark.Kind == RecordingMarkKind.Chapter ? chaptersEditable : mine);
    }
}
