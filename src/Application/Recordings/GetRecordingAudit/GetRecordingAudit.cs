using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings.GetRecordingAudit;

/// <summary>One line of a recording's audit trail; <see cref="UserId"/> and <see cref="UserName"/> are null when LiveKit or a job acted.</summary>
public sealed record RecordingAuditEntryResponse(DateTimeOffset At, RecordingAuditAction Action, Guid? UserId, string? UserName, string? Details);

/// <summary>Who did what to a recording of the admin's academy, newest first. Academy admins only (the endpoint's policy).</summary>
public sealed record GetRecordingAuditQuery(Guid RecordingId, Actor Actor) : IQuery<Result<IReadOnlyList<RecordingAuditEntryResponse>>>;

public sealed class GetRecordingAuditHandler(IApplicationDbContext db)
    : IQueryHandler<GetRecordingAuditQuery, Result<IReadOnlyList<RecordingAuditEntryResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<RecordingAuditEntryResponse>>> Handle(GetRecordingAuditQuery query, CancellationToken cancellationToken)
    {
        var academyId = query.Actor.AcademyId;
        if (!await db.Recordings.AnyAsync(r => r.Id == query.RecordingId && r.AcademyId == academyId, cancellationToken))
        {
            return RecordingErrors.RecordingNotFound;
        }

        var entries = await (
                from entry in db.RecordingAuditEntries.AsNoTracking()
                where entry.RecordingId == query.RecordingId && entry.AcademyId == academyId
                join user in db.Users on entry.UserId equals (Guid?)user.Id into users
                from user in users.DefaultIfEmpty()
                orderby entry.At descending, entry.Id descending
                select new { entry.At, entry.Action, entry.UserId, UserName = user == null ? null : user.DisplayName, entry.Details })
            .ToListAsync(cancellationToken);
        return entries.ConvertAll(e => new RecordingAuditEntryResponse(
            e.At, e.Action, e.UserId, e.UserName, e.Details));
    }
}
