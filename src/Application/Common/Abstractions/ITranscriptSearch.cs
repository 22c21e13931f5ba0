namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>PostgreSQL's full-text search over the recordings' transcripts.</summary>
public interface ITranscriptSearch
{
    /// <summary>
    /// The ids of the recordings whose transcript says all of <paramref name="words"/> (normalised like the stored
    /// text, <see cref="Domain.Learning.SearchText"/>), as a query to compose with others in one statement.
    /// </summary>
    IQueryable<Guid> RecordingsSaying(string words);
}
