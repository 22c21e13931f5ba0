using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Application.Recordings.GetRecordingFile;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.Learning.GetWatchProgress;

/// <summary>What the actor has watched of a recording they may watch, and where to resume.</summary>
public sealed record GetWatchProgressQuery(Guid RecordingId, Actor Actor) : IQuery<Result<WatchProgressResponse>>;

/// <summary>
/// <see cref="Coverage"/> is the share seen at least once (0–1); <see cref="Watched"/> says whether it counts as watched
/// (<c>Learning:WatchedCoverage</c>); <see cref="PositionSeconds"/> is where playback resumes (0 before any heartbeat).
/// </summary>
public sealed record WatchProgressResponse(int PositionSeconds, int WatchedSeconds, double Coverage, bool Watched);

public sealed class GetWatchProgressHandler(
    IApplicationDbContext db,
    ISessionFinder sessions,
    RecordingFileAccessMemory memory,
    IOptions<LearningOptions> options) : IQueryHandler<GetWatchProgressQuery, Result<WatchProgressResponse>>
{
    public async ValueTask<Result<WatchProgressResponse>> Handle(GetWatchProgressQuery query, CancellationToken cancellationToken)
    {
        var found = await RecordingFileGrants.FindAsync(
            db, sessions, memory, query.RecordingId, query.Actor, RecordingFileAction.Stream, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var seen = await db.WatchProgress.AsNoTracking()
            .Where(p => p.RecordingId == query.RecordingId && p.UserId == query.Actor.UserId)
            .Select(p => new { p.PositionSeconds, p.WatchedSeconds })
            .SingleOrDefaultAsync(cancellationToken);
        var coverage = WatchProgress.CoverageOf(seen?.WatchedSeconds ?? 0, found.Value.Duration ?? TimeSpan.Zero);
        return new WatchProgressResponse(seen?.PositionSeconds ?? 0, seen?.WatchedSeconds ?? 0, coverage, coverage >= options.Value.WatchedCoverage);
    }
}
