using System.Globalization;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Recordings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.Recordings.ApplyRetention;

/// <summary>
/// Removes the completed and failed recordings that are past their academy's retention period (see
/// <see cref="Academy.RetentionCutoff"/>): the file, then the recording becomes deleted with an audit
/// entry by nobody. Recordings still recording or processing are never touched; academies without a period keep
/// everything. <see cref="AcademyId"/> null means every academy (the periodic job); <see cref="DryRun"/> only reports.
/// </summary>
public sealed record ApplyRetentionCommand(Guid? AcademyId, bool DryRun) : ICommand<RetentionReport>;

/// <summary>A recording retention removed, or would remove in a dry run. <see cref="SizeBytes"/> is null without a file.</summary>
public sealed record ExpiredRecording(Guid Id, Guid AcademyId, string DisplayName, RecordingStatus Status, DateTimeOffset StartedAt, long? SizeBytes)
{
    public static ExpiredRecording From(Domain.Recordings.Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return new ExpiredRecording(
            recording.Id,
            recording.AcademyId,
            recording.DisplayName,
            recording.Status,
            recording.StartedAt,
            recording.File?.SizeBytes);
    }
}

/// <summary>What retention removed (or would remove, when <see cref="DryRun"/>), oldest first, with totals.</summary>
public sealed record RetentionReport(bool DryRun, int Count, long TotalBytes, IReadOnlyList<ExpiredRecording> Recordings)
{
    public static RetentionReport Of(bool dryRun, IReadOnlyList<ExpiredRecording> recordings)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        return new RetentionReport(dryRun, recordings.Count, recordings.Sum(r => r.SizeBytes ?? 0), recordings);
    }
}

public sealed class ApplyRetentionHandler(
    IApplicationDbContext db,
    IRecordingStorage storage,
    TimeProvider clock,
    ILogger<ApplyRetentionHandler> logger) : ICommandHandler<ApplyRetentionCommand, RetentionReport>
{
    public async ValueTask<RetentionReport> Handle(ApplyRetentionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var academies = await db.Academies.AsNoTracking()
            .Where(a => command.AcademyId == null || a.Id == command.AcademyId)
            .ToListAsync(cancellationToken);
        var expired = new List<ExpiredRecording>();
        foreach (var academy in academies)
        {
            if (academy.RetentionCutoff(now) is not { } cutoff)
            {
                continue;
            }

            var removed = command.DryRun
                ? await ExpiredIn(academy.Id, cutoff).AsNoTracking().ToListAsync(cancellationToken)
                : await RemoveExpiredAsync(academy, cutoff, now, cancellationToken);
            expired.AddRange(removed.Select(ExpiredRecording.From));
        }

        return RetentionReport.Of(command.DryRun, expired);
    }

    /// <summary>One recording at a time: its file, then its row (<see cref="RecordingFilesRemoval"/>); deleted, it drops out of the query.</summary>
    private async Task<List<Domain.Recordings.Recording>> RemoveExpiredAsync(
        Academy academy, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = string.Create(CultureInfo.InvariantCulture, $"retention: older than {academy.RetentionDays} days");
        var removed = await RecordingFilesRemoval.RemoveOneByOneAsync(
            db, storage, ExpiredIn(academy.Id, cutoff), r => r.Delete(deletedByUserId: null, now, filesRemoved: true, reason), cancellationToken);

        if (removed.Count > 0)
        {
            logger.LogInformation(
                "Retention deleted {RecordingCount} recordings of academy {AcademyId} started before {Cutoff}", removed.Count, academy.Id, cutoff);
        }

        return removed;
    }

    private IQueryable<Domain.Recordings.Recording> ExpiredIn(Guid academyId, DateTimeOffset cutoff) =>
        db.Recordings
            .Where(r => r.AcademyId == academyId
                && r.StartedAt < cutoff
                && (r.Status == RecordingStatus.Completed || r.Status == RecordingStatus.Failed))
            .OrderBy(r => r.StartedAt)
            .ThenBy(r => r.Id);
}
