using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Domain.Users;
using Mediator;

namespace Itqan.Recording.Application.Sessions.ListMySessions;

/// <summary>The sessions the user teaches, attends or administers, soonest first, with their recording state.</summary>
public sealed record ListMySessions(Actor Actor) : IQuery<IReadOnlyList<SessionSummaryResponse>>;

public sealed class ListMySessionsHandler(IApplicationDbContext db, ISessionFinder sessions)
    : IQueryHandler<ListMySessions, IReadOnlyList<SessionSummaryResponse>>
{
    public async ValueTask<IReadOnlyList<SessionSummaryResponse>> Handle(ListMySessions query, CancellationToken cancellationToken)
    {
        var academySessions = await sessions.ListForAcademyAsync(query.Actor.AcademyId, cancellationToken);
        var mine = academySessions
            .Where(s => s.CanAccessRecordings(query.Actor))
            .OrderBy(s => s.ScheduledAt)
            .ToList();
        var states = await SessionRecordingState.LoadAsync(db, mine.ConvertAll(s => s.Id), cancellationToken);
        return mine.ConvertAll(s => SessionSummaryResponse.From(s, states.GetValueOrDefault(s.Id, SessionRecordingState.None)));
    }
}
