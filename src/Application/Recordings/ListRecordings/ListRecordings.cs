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
        var (rows, nextCursor) = await db.Recordings.AsNoTracking()
            .InCatalogue(query.Actor.AcademyId, query.Filter, transcripts)
            .PageAsync(query.Cursor, limit, cancellationToken);
        return new RecordingPage(rows.ConvertAll(r => responses.Create(r, query.Actor)), nextCursor);
    }
}
