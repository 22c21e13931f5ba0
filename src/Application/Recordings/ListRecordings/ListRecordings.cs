using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings.ListRecordings;

/// <summary>
/// The admin's academy catalogue, newest first (start, then id, both descending), deleted recordings included, one
/// page of <see cref="Limit"/> at a time after <see cref="Cursor"/>. Only academy admins reach it (the endpoint's
/// policy); the academy is always the admin's own.
/// </summary>
public sealed record ListRecordingsQuery(RecordingCatalogueFilter Filter, int? Limit, string? Cursor, Actor Actor) : IQuery<RecordingPage>
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 100;
}

/// <summary>A page of the catalogue; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record RecordingPage(IReadOnlyList<RecordingResponse> Items, string? NextCursor);

public sealed class ListRecordingsHandler(IApplicationDbContext db, ITranscriptSearch transcripts, RecordingResponseFactory responses)
    : IQueryHandler<ListRecordingsQuery, RecordingPage>
{
    public async ValueTask<RecordingPage> Handle(ListRecordingsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? ListRecordingsQuery.DefaultLimit;
        var recordings = db.Recordings.AsNoTracking().InCatalogue(query.Actor.AcademyId, query.Filter, transcripts);
        if (CatalogueCursor.TryDecode(query.Cursor, out var after))
        {
            // The first conjunct alone bounds the (academy_id, started_at, id) index scan; the second breaks ties.
            recordings = recordings.Where(r => r.StartedAt <= after.StartedAt
                && (r.StartedAt < after.StartedAt || r.Id.CompareTo(after.Id) < 0));
        }

        // One row more than the page tells whether another page follows.
        var rows = await recordings
            .OrderByDescending(r => r.StartedAt)
            .ThenByDescending(r => r.Id)
            .Take(limit + 1)
            .Select(RecordingRow.Columns)
            .ToListAsync(cancellationToken);
        var page = rows.Take(limit).Select(r => responses.Create(r, query.Actor)).ToList();
        var nextCursor = rows.Count > limit ? new CatalogueCursor(page[^1].StartedAt, page[^1].Id).Encode() : null;
        return new RecordingPage(page, nextCursor);
    }
}
