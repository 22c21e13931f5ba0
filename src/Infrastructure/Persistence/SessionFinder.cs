using System.Linq.Expressions;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;
using ItqanRecording.Infrastructure.Persistence.Configurations;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>
/// Loads sessions of every registered kind with what their rules read: each kind's definition supplies its includes
/// and its "who takes part" filter, so a new kind adds nothing here.
/// </summary>
public sealed class SessionFinder(RecordingDbContext db, IEnumerable<ISessionKindDefinition> kinds, SessionKindMemory knownKinds) : ISessionFinder
{
    private readonly Dictionary<string, ISessionKindDefinition> _kinds = kinds.ToDictionary(k => k.Kind.Name);

    /// <summary>
    /// Reads the session's kind first (one primary-key lookup, skipped when this instance knows it:
    /// <see cref="SessionKindMemory"/>), then loads it with that kind's includes only, as one statement: at most two
    /// round trips instead of the joins over every kind's tables (docs/performance.md, "Before/after: auto-prepare").
    /// One session's collections (its students, its academy's overrides) are small, so joining them in one statement
    /// costs less than a round trip for each (issue #16: Start counted 10 round trips).
    /// </summary>
    public async Task<IRecordingCapable?> FindAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!knownKinds.TryFind(sessionId, out var kind))
        {
            kind = await db.Sessions
                .Where(s => s.Id == sessionId)
                .Select(s => EF.Property<string>(s, SessionConfiguration.KindColumn))
                .SingleOrDefaultAsync(cancellationToken);
            if (kind is null)
            {
                return null;
            }

            knownKinds.Remember(sessionId, kind);
        }

        return await WithRuleDataOf(kind).AsSingleQuery().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
    }

    /// <summary>The session of the room (indexed), then loaded as <see cref="FindAsync"/> does.</summary>
    public async Task<IRecordingCapable?> FindByRoomAsync(string roomName, CancellationToken cancellationToken)
    {
        var id = await db.Sessions
            .Where(s => s.MeetingRoomName == roomName)
            .Select(s => (Guid?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id is { } sessionId ? await FindAsync(sessionId, cancellationToken) : null;
    }

    /// <summary>
    /// One statement picks the page (ids and kinds, the participation filter of every kind in the database), then
    /// each kind on the page is loaded with its own includes, a statement for each collection (a page's sessions
    /// times their students would multiply in one).
    /// </summary>
    public async Task<IReadOnlyList<IRecordingCapable>> ListForActorAsync(
        Actor actor, DateTimeOffset from, int limit, CancellationToken cancellationToken)
    {
        var candidates = db.Sessions.Where(s => s.AcademyId == actor.AcademyId && s.ScheduledAt >= from);
        if (actor.Role != UserRole.Admin)
        {
            candidates = candidates.Where(TakesPartInAnyKind(actor.UserId));
        }

        var page = await candidates
            .OrderBy(s => s.ScheduledAt)
            .ThenBy(s => s.Id)
            .Take(limit)
            .Select(s => new { s.Id, Kind = EF.Property<string>(s, SessionConfiguration.KindColumn) })
            .ToListAsync(cancellationToken);

        var loaded = new Dictionary<Guid, IRecordingCapable>(page.Count);
        foreach (var ofKind in page.GroupBy(s => s.Kind))
        {
            var ids = ofKind.Select(s => s.Id).ToList();
            foreach (var session in await WithRuleDataOf(ofKind.Key).AsSplitQuery().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                loaded[session.Id] = session;
            }
        }

        return [.. page.Where(s => loaded.ContainsKey(s.Id)).Select(s => loaded[s.Id])];
    }

    /// <summary>Sessions of one kind with what that kind's rules read, and the academy's overrides every kind reads.</summary>
    private IQueryable<LiveSession> WithRuleDataOf(string kind) =>
        (_kinds.TryGetValue(kind, out var definition)
            ? definition.WithRuleData(db)
            : throw new InvalidOperationException($"Session kind '{kind}' is stored but not registered (services.AddSessionKind)."))
        .AsNoTrackingWithIdentityResolution()
        .Include(s => s.Academy).ThenInclude(a => a.RecordingOverrides);

    public IQueryable<Guid> IdsOfSessionsTakenPartIn(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return db.Sessions.Where(s => s.AcademyId == actor.AcademyId).Where(TakesPartInAnyKind(actor.UserId)).Select(s => s.Id);
    }

    private Expression<Func<LiveSession, bool>> TakesPartInAnyKind(Guid userId)
    {
        var session = Expression.Parameter(typeof(LiveSession), "s");
        var body = _kinds.Values
            .Select(kind => ParameterReplacer.Replace(kind.TakesPart(userId), session))
            .Aggregate((Expression)Expression.Constant(false), Expression.OrElse);
        return Expression.Lambda<Func<LiveSession, bool>>(body, session);
    }
}
