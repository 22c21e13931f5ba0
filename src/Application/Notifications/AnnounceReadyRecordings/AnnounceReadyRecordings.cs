using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.Notifications.AnnounceReadyRecordings;

/// <summary>
/// Emails the students and the teacher of every recording that became watchable within
/// <see cref="NotificationOptions.EmailWithin"/> and was not announced since, oldest first, at most
/// <see cref="BatchSize"/> a run; each recording is marked announced once its emails went out. Mail is sent at least
/// once: should the process die between the last email and the save, that recording's emails go again.
/// </summary>
public sealed record AnnounceReadyRecordingsCommand : ICommand<int>
{
    public const int BatchSize = 50;
}

public sealed class AnnounceReadyRecordingsHandler(
    IApplicationDbContext db,
    ISessionFinder sessions,
    IEmailSender email,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<AnnounceReadyRecordingsHandler> logger) : ICommandHandler<AnnounceReadyRecordingsCommand, int>
{
    public async ValueTask<int> Handle(AnnounceReadyRecordingsCommand command, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - options.Value.EmailWithin;
        var due = await db.Recordings.Watchable()
            .Where(r => r.AvailableAt > since && (r.AnnouncedAt == null || r.AnnouncedAt < r.AvailableAt))
            .OrderBy(r => r.AvailableAt)
            .Take(AnnounceReadyRecordingsCommand.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var recording in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var audience = await ReadyRecordings.AudienceOfAsync(recording, sessions, cancellationToken);
            var people = await db.Users.AsNoTracking().Where(u => audience.Contains(u.Id))
                .Select(u => new { u.Email, u.DisplayName }).ToListAsync(cancellationToken);
            foreach (var person in people)
            {
                await email.SendAsync(Message(person.Email, person.DisplayName, recording, new Uri(options.Value.AppUrl, $"recordings/{recording.Id}")), cancellationToken);
            }

            recording.Announced();
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Recording {RecordingId} announced to {Count} people", recording.Id, people.Count);
        }

        return due.Count;
    }

    private static EmailMessage Message(string to, string name, Recording recording, Uri link) => new(
        to,
        $"New recording: {recording.DisplayName}",
        $"""
        Assalamu alaikum {name},

        The recording "{recording.DisplayName}" is ready to watch:
        {link}

        Itqan Recording
        """);
}
