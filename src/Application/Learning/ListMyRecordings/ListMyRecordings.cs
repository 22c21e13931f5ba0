using FluentValidation;
using ItqanRecording.Application.Common;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Application.Recordings.ListRecordings;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.Learning.ListMyRecordings;

/// <summary>
/// Every completed recording the user may watch (of the sessions they teach or attend; an admin, all of the
/// academy's), newest first, one page of <see cref="Limit"/> after <see cref="Cursor"/>. The filter's text, kind and
/// course/circle/lesson narrow it; <see cref="Watched"/> keeps those the user has (not) watched.
/// </summary>
public sealed record ListMyRecordingsQuery(RecordingCatalogueFilter Filter, bool? Watched, int? Limit, string? Cursor, Actor Actor)
    : IQuery<MyRecordingsPage>
{
    public const int DefaultLimit = 24;

    public const int MaxLimit = 100;
}

/// <summary>A recording with how much of it the user has seen (0–1) and whether that counts as watched.</summary>
public sealed record MyRecording(RecordingResponse Recording, double Coverage, bool Watched);

/// <summary>A page of My recordings; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record MyRecordingsPage(IReadOnlyList<MyRecording> Items, string? NextCursor);

public sealed class ListMyRecordingsValidator : AbstractValidator<ListMyRecordingsQuery>
{
    public ListMyRecordingsValidator(RecordingCatalogueFilterValidator filter)
    {
        RuleFor(q => q.Filter).SetValidator(filter).OverridePropertyName(string.Empty);
        RuleFor(q => q.Limit).InclusiveBetween(1, ListMyRecordingsQuery.MaxLimit);
        RuleFor(q => q.Cursor)
            .MustBeCatalogueCursor();
    }
}

public sealed class ListMyRecordingsHandler(
    IApplicationDbContext db,
    ISessionFinder sessions,
    ITranscriptSearch transcripts,
    RecordingResponseFactory responses,
    IOptions<LearningOptions> options) : IQueryHandler<ListMyRecordingsQuery, MyRecordingsPage>
{
    public async ValueTask<MyRecordingsPage> Handle(ListMyRecordingsQuery query, CancellationToken cancellationToken)
    {
        var actor = query.Actor;
        var limit = query.Limit ?? ListMyRecordingsQuery.DefaultLimit;
        var share = options.Value.WatchedCoverage;
        var recordings = db.Recordings.AsNoTracking()
            .InCatalogue(actor.AcademyId, query.Filter with { Status = WireNames.Of(RecordingStatus.Completed) }, transcripts);
        if (!actor.IsAdminOf(actor.AcademyId))
        {
            // A teacher sees their own classes' recordings whatever their publication; students the published ones.
            var sessionIds = sessions.IdsOfSessionsTakenPartIn(actor);
            recordings = recordings.Where(r => sessionIds.Contains(r.SessionId)
                && (r.Publication == RecordingPublication.Published || r.TeacherId == actor.UserId));
        }

        var seen = db.WatchProgress.Where(p => p.UserId == actor.UserId);
        if (query.Watched is { } watched)
        {
            recordings = recordings.Where(r =>
                seen.Any(p => p.RecordingId == r.Id && p.WatchedSeconds >= r.Duration!.Value.TotalSeconds * share) == watched);
        }

        var (rows, nextCursor) = await recordings.PageAsync(query.Cursor, limit, cancellationToken);
        var ids = rows.ConvertAll(r => r.Id);
        var watchedSeconds = await seen.Where(p => ids.Contains(p.RecordingId))
            .ToDictionaryAsync(p => p.RecordingId, p => p.WatchedSeconds, cancellationToken);
        var page = rows.ConvertAll(row =>
        {
            var coverage = WatchProgress.CoverageOf(watchedSeconds.GetValueOrDefault(row.Id), row.Duration ?? TimeSpan.Zero);
            return new MyRecording(responses.Create(row, actor), coverage, coverage >= share);
        });
        return new MyRecordingsPage(page, nextCursor);
    }
}
