using FluentValidation;
using ItqanRecording.Application.Common;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings;

/// <summary>
/// What an admin narrows their academy's catalogue to; every part is optional and the parts combine. <see cref="Status"/>
/// and <see cref="Kind"/> are the API's names (<c>completed</c>, <c>quran</c>; <see cref="WireNames"/>). <see cref="ParentId"/> is
/// the course, circle or lesson. <see cref="From"/> (inclusive) and <see cref="To"/> (exclusive) bound the start of
/// the recording. <see cref="Q"/> is text anywhere in the display name, in any case.
/// </summary>
public sealed record RecordingCatalogueFilter(
    string? Status = null,
    string? Kind = null,
    Guid? ParentId = null,
    Guid? TeacherId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Q = null)
{
    public const int MaxTextLength = 200;
}

public sealed class RecordingCatalogueFilterValidator : AbstractValidator<RecordingCatalogueFilter>
{
    public RecordingCatalogueFilterValidator(IEnumerable<ISessionKindRegistration> registrations)
    {
        var kinds = registrations.Select(r => r.Kind).ToList();
        RuleFor(f => f.Status)
            .Must(status => WireNames.TryParse<RecordingStatus>(status, out _))
            .When(f => f.Status is not null)
            .WithMessage($"Status must be one of: {WireNames.All<RecordingStatus>()}.");
        RuleFor(f => f.Kind)
            .Must(kind => SessionKind.TryParse(kind, out var parsed) && kinds.Contains(parsed))
            .When(f => f.Kind is not null)
            .WithMessage($"Kind must be one of: {string.Join(", ", kinds)}.");
        RuleFor(f => f.To)
            .GreaterThanOrEqualTo(f => f.From)
            .When(f => f.From is not null && f.To is not null)
            .WithMessage("To must not lie before from.");
        RuleFor(f => f.Q).MaximumLength(RecordingCatalogueFilter.MaxTextLength);
    }
}

public static class RecordingCatalogueQueries
{
    private const string LikeEscape = "\\";

    /// <summary>
    /// The academy's recordings that pass the filter, deleted ones included. <see cref="RecordingCatalogueFilter.Q"/>
    /// finds text in the name, or words said in a transcript (<paramref name="transcripts"/>).
    /// </summary>
    public static IQueryable<Domain.Recordings.Recording> InCatalogue(
        this IQueryable<Domain.Recordings.Recording> recordings, Guid academyId, RecordingCatalogueFilter filter, ITranscriptSearch transcripts)
    {
        ArgumentNullException.ThrowIfNull(transcripts);
        ArgumentNullException.ThrowIfNull(filter);
        var query = recordings.Where(r => r.AcademyId == academyId);
        if (WireNames.TryParse<RecordingStatus>(filter.Status, out var status))
        {
            query = query.Where(r => r.Status == status);
        }

        if (SessionKind.TryParse(filter.Kind, out var kind))
        {
            query = query.Where(r => r.SessionKind == kind);
        }

        if (filter.ParentId is { } parentId)
        {
            query = query.Where(r => r.ParentId == parentId);
        }

        if (filter.TeacherId is { } teacherId)
        {
            query = query.Where(r => r.TeacherId == teacherId);
        }

        // PostgreSQL stores instants in UTC and Npgsql refuses to send any other offset.
        if (filter.From?.ToUniversalTime() is { } from)
        {
            query = query.Where(r => r.StartedAt >= from);
        }

        if (filter.To?.ToUniversalTime() is { } to)
        {
            query = query.Where(r => r.StartedAt < to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = $"%{EscapeLikePattern(filter.Q.Trim().ToLowerInvariant())}%";
            // The two matches as one set of ids, each found through its own index (the name's trigrams, the
            // transcripts' full text): an OR of the two in one condition would leave both indexes unused.
#pragma warning disable CA1304, CA1311 // ToLower becomes SQL lower(); no .NET culture takes part
            var named = recordings.Where(r => r.AcademyId == academyId && EF.Functions.Like(r.DisplayName.ToLower(), pattern, LikeEscape)).Select(r => r.Id);
#pragma warning restore CA1304, CA1311
            var matching = named.Union(transcripts.RecordingsSaying(SearchText.Normalize(filter.Q)));
            query = query.Where(r => matching.Contains(r.Id));
        }

        return query;
    }

    private static string EscapeLikePattern(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
}
