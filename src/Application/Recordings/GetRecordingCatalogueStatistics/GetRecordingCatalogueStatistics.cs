using ItqanRecording.Application.Common;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Recordings.GetSessionRecordingStatistics;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings.GetRecordingCatalogueStatistics;

public sealed record RecordingKindCounts(int Interactive, int Quran, int Academic);

/// <summary>Sums over exactly the recordings the catalogue lists for the same filter, deleted ones included.</summary>
public sealed record RecordingCatalogueStatistics(
    int Total, RecordingStatusCounts ByStatus, RecordingKindCounts ByKind, long TotalBytes, double TotalDurationSeconds);

/// <summary>How the admin's filtered catalogue adds up, summed by the database. Academy admins only (the endpoint's policy).</summary>
public sealed record GetRecordingCatalogueStatisticsQuery(RecordingCatalogueFilter Filter, Actor Actor) : IQuery<RecordingCatalogueStatistics>;

/// <summary>
/// Whole UTC days come from <see cref="RecordingDailyTotal"/>, the partial days at the edges of from/to and any filter
/// the totals cannot answer (text, course/circle/lesson) from the recordings themselves; one statement either way
/// (docs/adr/0008).
/// </summary>
public sealed class GetRecordingCatalogueStatisticsHandler(IApplicationDbContext db, ITranscriptSearch transcripts)
    : IQueryHandler<GetRecordingCatalogueStatisticsQuery, RecordingCatalogueStatistics>
{
    public async ValueTask<RecordingCatalogueStatistics> Handle(GetRecordingCatalogueStatisticsQuery query, CancellationToken cancellationToken)
    {
        // At most one row per status and kind from each part.
        var groups = await Groups(query.Actor.AcademyId, query.Filter).ToListAsync(cancellationToken);

        int WithStatus(RecordingStatus status) => groups.Where(g => g.Status == status).Sum(g => g.Count);
        int OfKind(SessionKind kind) => groups.Where(g => g.SessionKind == kind).Sum(g => g.Count);
        return new RecordingCatalogueStatistics(
            groups.Sum(g => g.Count),
            new RecordingStatusCounts(
                WithStatus(RecordingStatus.Recording),
                WithStatus(RecordingStatus.Processing),
                WithStatus(RecordingStatus.Completed),
                WithStatus(RecordingStatus.Failed),
                WithStatus(RecordingStatus.Deleted)),
            new RecordingKindCounts(OfKind(SessionKind.Interactive), OfKind(SessionKind.Quran), OfKind(SessionKind.Academic)),
            groups.Sum(g => g.Bytes),
            groups.Sum(g => g.Seconds));
    }

    private IQueryable<Group> Groups(Guid academyId, RecordingCatalogueFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q) || filter.ParentId is not null || WholeDays.Within(filter.From, filter.To) is not { } days)
        {
            return Counted(academyId, filter);
        }

        var groups = Totals(academyId, filter, days);
        if (days.FirstStart is { } firstStart && filter.From < firstStart)
        {
            groups = groups.Concat(Counted(academyId, filter with { To = firstStart }));
        }

        if (days.EndStart is { } endStart && filter.To > endStart)
        {
            groups = groups.Concat(Counted(academyId, filter with { From = endStart }));
        }

        return groups;
    }

    private IQueryable<Group> Counted(Guid academyId, RecordingCatalogueFilter filter) =>
        db.Recordings
            .InCatalogue(academyId, filter, transcripts)
            .GroupBy(r => new { r.Status, r.SessionKind })
            .Select(g => new Group
            {
                Status = g.Key.Status,
                SessionKind = g.Key.SessionKind,
                Count = g.Count(),
                Bytes = g.Sum(r => (long?)r.File!.SizeBytes) ?? 0,
                Seconds = g.Sum(r => (double?)r.Duration!.Value.TotalSeconds) ?? 0,
            });

    private IQueryable<Group> Totals(Guid academyId, RecordingCatalogueFilter filter, WholeDays days)
    {
        var totals = db.RecordingDailyTotals.Where(t => t.AcademyId == academyId);
        if (WireNames.TryParse<RecordingStatus>(filter.Status, out var status))
        {
            totals = totals.Where(t => t.Status == status);
        }

        if (SessionKind.TryParse(filter.Kind, out var kind))
        {
            totals = totals.Where(t => t.SessionKind == kind);
        }

        if (filter.TeacherId is { } teacherId)
        {
            totals = totals.Where(t => t.TeacherId == teacherId);
        }

        if (days.First is { } first)
        {
            totals = totals.Where(t => t.Day >= first);
        }

        if (days.End is { } end)
        {
            totals = totals.Where(t => t.Day < end);
        }

        return totals
            .GroupBy(t => new { t.Status, t.SessionKind })
            .Select(g => new Group
            {
                Status = g.Key.Status,
                SessionKind = g.Key.SessionKind,
                Count = g.Sum(t => t.Count),
                Bytes = g.Sum(t => t.Bytes),
                Seconds = (double)g.Sum(t => t.Seconds),
            });
    }

    private sealed class Group
    {
        public RecordingStatus Status { get; init; }

        public SessionKind SessionKind { get; init; }

        public int Count { get; init; }

        public long Bytes { get; init; }

        public double Seconds { get; init; }
    }
}
