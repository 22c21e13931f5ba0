using ItqanRecording.Application.Common.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Auth.CheckSession;

/// <summary>
/// Whether a session still stands: its user exists and has the security stamp, academy and role the session began
/// with. A sign-out (new stamp), a role or academy change or a removal ends it; the user as stored is remembered for
/// a short while (<see cref="SignedInUserMemory"/>), so a request rarely costs a database round trip.
/// </summary>
public sealed record CheckSessionQuery(SessionClaims Session) : IQuery<bool>;

public sealed class CheckSessionHandler(IApplicationDbContext db, SignedInUserMemory memory) : IQueryHandler<CheckSessionQuery, bool>
{
    public async ValueTask<bool> Handle(CheckSessionQuery query, CancellationToken cancellationToken)
    {
        var session = query.Session;
        if (!memory.TryFind(session.UserId, out var stored))
        {
            stored = await db.Users.AsNoTracking()
                .Where(u => u.Id == session.UserId)
                .Select(u => new StoredSessionUser(u.SecurityStamp, u.AcademyId, u.Role))
                .SingleOrDefaultAsync(cancellationToken);
            memory.Remember(session.UserId, stored);
        }

        return stored == new StoredSessionUser(session.SecurityStamp, session.AcademyId, session.Role);
    }
}
