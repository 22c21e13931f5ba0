using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings.GetSessionRecordings;

/// <summary>
/// The recordings of one session, newest first. Deleted ones are shown to admins only, unpublished ones (awaiting
/// review, hidden) to its teacher and the admins only.
/// </summary>
public sealed record GetSessionRecordingsQuery(Guid SessionId, Actor Actor) : IQuery<Result<IReadOnlyList<RecordingResponse>>>;

public sealed class GetSessionRecordingsHandler(IApplicationDbContext db, ISessionFinder sessions, RecordingResponseFactory responses)
    : IQueryHandler<GetSessionRecordingsQuery, Result<IReadOnlyList<RecordingResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<RecordingResponse>>> Handle(GetSessionRecordingsQuery query, CancellationToken cancellationToken)
    {
        var found = await sessions.FindAccessibleAsync(query.SessionId, query.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var session = found.Value;

        var includeDeleted = query.Actor.IsAdminOf(session.AcademyId);
        var includeUnpublished = session.CanControlRecording(query.Actor);
        var recordings = await db.Recordings.AsNoTracking()
            .Where(r => r.SessionId == session.Id && (includeDeleted || r.Status != RecordingStatus.Deleted)
                && (includeUnpublished || r.Publication == RecordingPublication.Published))
            .OrderByDescending(r => r.StartedAt)
            .Select(RecordingRow.Columns)
            .ToListAsync(cancellationToken);
        return recordings.ConvertAll(r => responses.Create(r, query.Actor));
    }
}
