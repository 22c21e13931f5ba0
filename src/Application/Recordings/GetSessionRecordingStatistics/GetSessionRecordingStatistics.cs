using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings.GetSessionRecordingStatistics;

public sealed record RecordingStatusCounts(int Recording, int Processing, int Completed, int Failed, int Deleted);

public sealed record RecordingStatistics(int Total, RecordingStatusCounts ByStatus, long TotalBytes, double TotalDurationSeconds);

/// <summary>How many recordings a session has, by status, and how many bytes and seconds they hold.</summary>
public sealed record GetSessionRecordingStatisticsQuery(Guid SessionId, Actor Actor) : IQuery<Result<RecordingStatistics>>;

public sealed class GetSessionRecordingStatisticsHandler(IApplicationDbContext db, ISessionFinder sessions)
    : IQueryHandler<GetSessionRecordingStatisticsQuery, Result<RecordingStatistics>>
{
    public async ValueTask<Result<RecordingStatistics>> Handle(GetSessionRecordingStatisticsQuery query, CancellationToken cancellationToken)
    {
        var found = await sessions.FindAccessibleAsync(query.SessionId, query.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var session = found.Value;

        // A session has a handful of recordings: sum them here rather than teach SQL about TimeSpan.
        var recordings = await db.Recordings.AsNoTracking()
            .Where(r => r.SessionId == session.Id)
            .Select(r => new { r.Status, Bytes = r.File == null ? 0 : r.File.SizeBytes, r.Duration })
            .ToListAsync(cancellationToken);

        int CountOf(RecordingStatus status) => recordings.Count(r => r.Status == status);
        var visible = recordings.Where(r => r.Status != RecordingStatus.Deleted).ToList();
        return new RecordingStatistics(
            visible.Count,
            new RecordingStatusCounts(
                CountOf(RecordingStatus.Recording),
                CountOf(RecordingStatus.Processing),
                CountOf(RecordingStatus.Completed),
                CountOf(RecordingStatus.Failed),
                CountOf(RecordingStatus.Deleted)),
            visible.Sum(r => r.Bytes),
            visible.Sum(r => r.Duration?.TotalSeconds ?? 0));
    }
}
