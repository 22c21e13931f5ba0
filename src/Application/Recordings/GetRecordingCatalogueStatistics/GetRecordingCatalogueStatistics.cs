using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Recordings.GetSessionRecordingStatistics;
using Itqan.Recording.Domain.Recordings;
using Itqan.Recording.Domain.Sessions;
using Itqan.Recording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Application.Recordings.GetRecordingCatalogueStatistics;

public sealed record RecordingKindCounts(int Interactive, int Quran, int Academic);

/// <summary>Sums over exactly the recordings the catalogue lists for the same filter, deleted ones included.</summary>
public sealed record RecordingCatalogueStatistics(
    int Total, RecordingStatusCounts ByStatus, RecordingKindCounts ByKind, long TotalBytes, double TotalDurationSeconds);

/// <summary>How the admin's filtered catalogue adds up, summed by the database. Academy admins only (the endpoint's policy).</summary>
public sealed record GetRecordingCatalogueStatistics(RecordingCatalogueFilter Filter, Actor Actor) : IQuery<RecordingCatalogueStatistics>;

public sealed class GetRecordingCatalogueStatisticsHandler(IApplicationDbContext db)
    : IQueryHandler<GetRecordingCatalogueStatistics, RecordingCatalogueStatistics>
{
    public async ValueTask<RecordingCatalogueStatistics> Handle(GetRecordingCatalogueStatistics query, CancellationToken cancellationToken)
    {
        // At most one row per status and kind comes back.
        var groups = await db.Recordings.AsNoTracking()
            .InCatalogue(query.Actor.AcademyId, query.Filter)
            .GroupBy(r => new { r.Status, r.SessionKind })
            .Select(g => new
            {
                g.Key.Status,
                g.Key.SessionKind,
                Count = g.Count(),
                Bytes = g.Sum(r => (long?)r.File!.SizeBytes) ?? 0,
                Seconds = g.Sum(r => (double?)r.Duration!.Value.TotalSeconds) ?? 0,
            })
            .ToListAsync(cancellationToken);

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
}
