using System.Globalization;
using System.Text;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Learning.RecordingMarks;

/// <summary>The recording's chapters as a WebVTT chapters track, for a player's <c>&lt;track kind="chapters"&gt;</c>.</summary>
public sealed record GetChaptersTrackQuery(Guid RecordingId, Actor Actor) : IQuery<Result<string>>;

public sealed class GetChaptersTrackHandler(IApplicationDbContext db, ISessionFinder sessions) : IQueryHandler<GetChaptersTrackQuery, Result<string>>
{
    public const string ContentType = "text/vtt";

    public async ValueTask<Result<string>> Handle(GetChaptersTrackQuery query, CancellationToken cancellationToken)
    {
        var found = await MarkableRecording.FindAsync(db, sessions, query.RecordingId, query.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var chapters = await db.RecordingMarks.AsNoTracking()
            .Where(m => m.RecordingId == query.RecordingId && m.Kind == RecordingMarkKind.Chapter)
            .OrderBy(m => m.AtSeconds)
            .Select(m => new { m.AtSeconds, m.Label })
            .ToListAsync(cancellationToken);
        var end = found.Value.Duration?.TotalSeconds ?? chapters.LastOrDefault()?.AtSeconds ?? 0;
        return Write([.. chapters.Select(c => (c.AtSeconds, c.Label))], end);
    }

    /// <summary>Each chapter runs from its moment to the next one's (the last to the end); a cue's text is its label, escaped.</summary>
    public static string Write(IReadOnlyList<(double AtSeconds, string Label)> chapters, double endSeconds)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        var track = new StringBuilder("WEBVTT\n");
        for (var i = 0; i < chapters.Count; i++)
        {
            var from = chapters[i].AtSeconds;
            var to = i + 1 < chapters.Count ? chapters[i + 1].AtSeconds : Math.Max(endSeconds, from);
            track.Append(CultureInfo.InvariantCulture, $"\n{i + 1}\n{Time(from)} --> {Time(to)}\n{Escape(chapters[i].Label)}\n");
        }

        return track.ToString();
    }

    private static string Time(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    private static string Escape(string label) =>
        label.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
