using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Domain.Users;
using Microsoft.EntityFrameworkCore;
using RecordingEntity = ItqanRecording.Domain.Recordings.Recording;

namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>
/// The unit of work the use cases read and write through. Sessions are not here: use cases reach them through
/// <see cref="ISessionFinder"/>, as <see cref="Domain.Sessions.IRecordingCapable"/>, whatever their kind.
/// </summary>
public interface IApplicationDbContext
{
    DbSet<RecordingEntity> Recordings { get; }

    DbSet<User> Users { get; }

    DbSet<Academy> Academies { get; }

    DbSet<RecordingAuditEntry> RecordingAuditEntries { get; }

    DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents { get; }

    DbSet<PendingEgressEvent> PendingEgressEvents { get; }

    /// <summary>Starts that may have made LiveKit record without a recording row yet.</summary>
    DbSet<EgressStartIntent> EgressStartIntents { get; }

    /// <summary>Read only: kept by the database (<see cref="RecordingDailyTotal"/>).</summary>
    DbSet<RecordingDailyTotal> RecordingDailyTotals { get; }

    /// <summary>The work on completed recordings' files (posters), claimed by <see cref="IMediaJobQueue"/>.</summary>
    DbSet<MediaJob> MediaJobs { get; }

    /// <summary>Who was in each session's room, and when (from LiveKit's participant webhooks).</summary>
    DbSet<AttendanceInterval> AttendanceIntervals { get; }

    /// <summary>What was said in the recordings, as WebVTT per language, searchable (<see cref="ITranscriptSearch"/>).</summary>
    DbSet<RecordingTranscript> RecordingTranscripts { get; }

    /// <summary>Chapters the teachers marked and the students' own bookmarks.</summary>
    DbSet<RecordingMark> RecordingMarks { get; }

    /// <summary>Read here; written by <see cref="IWatchProgressStore"/>, which merges heartbeats in one statement.</summary>
    DbSet<WatchProgress> WatchProgress { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes a stream or download entry (one with an <see cref="RecordingAuditEntry.AccessDay"/>) at once, unless the
    /// user already has one for that recording, action and day: the database's unique index decides, so parallel
    /// requests of the same user neither fail nor log. True when this call wrote it.
    /// </summary>
    Task<bool> AddFirstAccessOfTheDayAsync(RecordingAuditEntry access, CancellationToken cancellationToken);
}
