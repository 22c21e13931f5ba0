using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Domain.Users;
using Mediator;

namespace Itqan.Recording.Application.Sessions.ListMySessions;

/// <summary>
/// The sessions the user teaches, attends or administers, soonest first, with their recording state: from
/// <see cref="History"/> ago on, at most <see cref="MaxSessions"/>.
/// </summary>
public sealed record ListMySessions(Actor Actor) : IQuery<IReadOnlyList<SessionSummaryResponse>>
{
    public static readonly TimeSpan History = TimeSpan.FromDays(30);

    public const int MaxSessions = 200;
}

public sealed class ListMySessionsHandler(IApplicationDbContext db, ISessionFinder sessions, TimeProvider clock)
    : IQueryHandler<ListMySessions, IReadOnlyList<SessionSummaryResponse>>
{
    public async ValueTask<IReadOnlyList<SessionSummaryResponse>> Handle(ListMySessions query, CancellationToken cancellationToken)
    {
        var candidates = await sessions.ListForActorAsync(
            query.Actor, clock.GetUtcNow() - ListMySessions.History, ListMySessions.MaxSessions, cancellationToken);
        var mine = candidates.Where(s => s.CanAccessRecordings(query.Actor)).ToList();
        var states = await SessionRecordingState.LoadAsync(db, mine.ConvertAll(s => s.Id), cancellationToken);
        return mine.ConvertAll(s => SessionSummaryResponse.From(s, states.GetValueOrDefault(s.Id, SessionRecordingState.None)));
    }
}
