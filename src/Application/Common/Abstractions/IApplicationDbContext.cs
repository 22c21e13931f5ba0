using Itqan.Recording.Application.Common.Egress;
using Itqan.Recording.Application.Recordings;
using Itqan.Recording.Domain.Academic;
using Itqan.Recording.Domain.Academies;
using Itqan.Recording.Domain.Courses;
using Itqan.Recording.Domain.Quran;
using Itqan.Recording.Domain.Recordings;
using Itqan.Recording.Domain.Sessions;
using Itqan.Recording.Domain.Users;
using Microsoft.EntityFrameworkCore;
using RecordingEntity = Itqan.Recording.Domain.Recordings.Recording;

namespace Itqan.Recording.Application.Common.Abstractions;

/// <summary>The unit of work the use cases read and write through.</summary>
public interface IApplicationDbContext
{
    DbSet<RecordingEntity> Recordings { get; }

    DbSet<LiveSession> Sessions { get; }

    DbSet<Course> Courses { get; }

    DbSet<User> Users { get; }

    DbSet<Academy> Academies { get; }

    DbSet<QuranCircle> QuranCircles { get; }

    DbSet<PrivateLesson> PrivateLessons { get; }

    DbSet<RecordingAuditEntry> RecordingAuditEntries { get; }

    DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents { get; }

    DbSet<PendingEgressEvent> PendingEgressEvents { get; }

    /// <summary>Starts that may have made LiveKit record without a recording row yet.</summary>
    DbSet<EgressStartIntent> EgressStartIntents { get; }

    /// <summary>Read only: kept by the database (<see cref="RecordingDailyTotal"/>).</summary>
    DbSet<RecordingDailyTotal> RecordingDailyTotals { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes a stream or download entry (one with an <see cref="RecordingAuditEntry.AccessDay"/>) at once, unless the
    /// user already has one for that recording, action and day: the database's unique index decides, so parallel
    /// requests of the same user neither fail nor log. True when this call wrote it.
    /// </summary>
    Task<bool> AddFirstAccessOfTheDayAsync(RecordingAuditEntry access, CancellationToken cancellationToken);
}
