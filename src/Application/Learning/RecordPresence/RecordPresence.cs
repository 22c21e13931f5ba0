using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Persistence;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.Learning.RecordPresence;

/// <summary>
/// Someone joined (<c>participant_joined</c>) or left (<c>participant_left</c>) a session's LiveKit room at
/// <paramref name="At"/> (the event's time; now when it has none): their stay (<see cref="AttendanceInterval"/>) begins or ends. A stay is known by the
/// connection's SID, so a resent event, or a leave that arrives before its join, still makes one stay. The recorder's
/// own participant and rooms that are no session's are ignored. The identity names our user when it is their id or
/// their email in the session's academy.
/// </summary>
public sealed record RecordPresenceCommand(string RoomName, LiveKitParticipant Participant, bool Left, DateTimeOffset? At)
    : ICommand<Result<Success>>;

public sealed class RecordPresenceHandler(
    IApplicationDbContext db, ISessionFinder sessions, TimeProvider clock, ILogger<RecordPresenceHandler> logger)
    : ICommandHandler<RecordPresenceCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(RecordPresenceCommand command, CancellationToken cancellationToken)
    {
        var participant = command.Participant;
        if (participant.IsRecorder || await sessions.FindByRoomAsync(command.RoomName, cancellationToken) is not { } session)
        {
            return new Success();
        }

        var at = command.At ?? clock.GetUtcNow();
        var stay = await db.AttendanceIntervals.SingleOrDefaultAsync(i => i.ParticipantSid == participant.Sid, cancellationToken);
        if (stay is null)
        {
            var userId = await UserOfAsync(session.AcademyId, participant.Identity, cancellationToken);
            stay = AttendanceInterval.Begin(
                session.Id, session.AcademyId, participant.Sid, participant.Identity, participant.Name, userId, participant.JoinedAt ?? at);
            db.AttendanceIntervals.Add(stay);
        }

        if (command.Left)
        {
            stay.End(at);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // A copy of the event, or the other end of the stay, saved it first: take that one and apply this end to it.
            db.AttendanceIntervals.Entry(stay).State = EntityState.Detached;
            logger.LogInformation("Stay {ParticipantSid} was saved concurrently; applying the event to it", participant.Sid);
            return await Handle(command, cancellationToken);
        }

        return new Success();
    }

    /// <summary>Our user the identity names: their id, or their email, in the academy; null for anyone else.</summary>
    private async Task<Guid?> UserOfAsync(Guid academyId, string identity, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => u.AcademyId == academyId);
        var email = User.NormalizeEmail(identity);
        users = Guid.TryParse(identity, out var id) ? users.Where(u => u.Id == id) : users.Where(u => u.Email == email);
        return await users.Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
    }
}
