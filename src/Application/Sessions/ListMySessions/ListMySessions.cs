using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;
using Mediator;

namespace ItqanRecording.Application.Sessions.ListMySessions;

/// <summary>
/// The sessions the user teaches, attends or administers, with their recording state: from <see cref="History"/> ago
/// on, at most <see cref="MaxSessions"/>. Classes still to come or under way come first, soonest first; the classes
/// that are over follow, the latest first.
/// </summary>
public sealed record ListMySessionsQuery(Actor Actor) : IQuery<IReadOnlyList<SessionSummaryResponse>>
{
    public static readonly TimeSpan History = TimeSpan.FromDays(30);

    public const int MaxSessions = 200;
}

public sealed class ListMySessionsHandler(IApplicationDbContext db, ISessionFinder sessions, TimeProvider clock)
    : IQueryHandler<ListMySessionsQuery, IReadOnlyList<SessionSummaryResponse>>
{
    public async ValueTask<IReadOnlyList<SessionSummaryResponse>> Handle(ListMySessionsQuery query, CancellationToken cancellationToken)
    {
        var candidates = await sessions.ListForActorAsync(
            query.Actor, clock.GetUtcNow() - ListMySessionsQuery.History, ListMySessionsQuery.MaxSessions, cancellationToken);
        var mine = candidates.Where(s => s.CanAccessRecordings(query.Actor))
            .OrderBy(s => s.Status.IsOver())
            .ThenBy(s => s.Status.IsOver() ? -s.ScheduledAt.UtcTicks : s.ScheduledAt.UtcTicks)
            .ToList();
        var controlled = mine.Where(s => s.CanControlRecording(query.Actor)).Select(s => s.Id).ToList();
        var states = await SessionRecordingState.LoadAsync(db, mine.ConvertAll(s => s.Id), controlled, cancellationToken);
        return mine.ConvertAll(s => SessionSummaryResponse.From(s, states.GetValueOrDefault(s.Id, SessionRecordingState.None)));
    }
}
