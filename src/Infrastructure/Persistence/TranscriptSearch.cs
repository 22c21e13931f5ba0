using ItqanRecording.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL full-text search with the <c>simple</c> configuration (no stemming: Arabic and English alike), over the
/// transcripts' normalised text, by the expression of the GIN index (migration RecordingTranscripts).
/// </summary>
public sealed class TranscriptSearch(RecordingDbContext db) : ITranscriptSearch
{
    public IQueryable<Guid> RecordingsSaying(string words) =>
        db.RecordingTranscripts
            .Where(t => EF.Functions.ToTsVector("simple", t.SearchableText).Matches(EF.Functions.PlainToTsQuery("simple", words)))
            .Select(t => t.RecordingId);
}
