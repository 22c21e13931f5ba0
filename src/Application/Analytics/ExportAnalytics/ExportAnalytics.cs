using System.Globalization;
using FluentValidation;
using System.Text;
using ItqanRecording.Application.Analytics.GetAnalytics;
using ItqanRecording.Application.Common;
using ItqanRecording.Application.Common.Results;
using Mediator;

namespace ItqanRecording.Application.Analytics.ExportAnalytics;

/// <summary>Which of the dashboard's tables a CSV export holds.</summary>
public enum AnalyticsTable
{
    Periods,
    Parents,
    Teachers,
}

/// <summary>
/// One table of the dashboard <see cref="Report"/> asks for, as CSV (RFC 4180: comma-separated, quoted where needed,
/// CRLF), with a header row; seconds and bytes as numbers, coverage and rates as 0–1, empty where there is none.
/// </summary>
/// <param name="Table"><c>periods</c> (the default), <c>parents</c> or <c>teachers</c>.</param>
public sealed record ExportAnalyticsQuery(GetAnalyticsQuery Report, string? Table) : IQuery<Result<AnalyticsCsv>>;

public sealed class ExportAnalyticsValidator : AbstractValidator<ExportAnalyticsQuery>
{
    public ExportAnalyticsValidator()
    {
        RuleFor(q => q.Report).SetValidator(new GetAnalyticsValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Table).Must(t => t is null || WireNames.TryParse<AnalyticsTable>(t, out _))
            .WithMessage($"table is one of: {WireNames.All<AnalyticsTable>()}.");
    }
}

/// <summary>The CSV text and the file name it is offered under.</summary>
public sealed record AnalyticsCsv(string FileName, string Text)
{
    public const string ContentType = "text/csv; charset=utf-8";
}

/// <remarks>The dashboard comes from <see cref="GetAnalyticsHandler"/> itself, so the export is the report shown.</remarks>
public sealed class ExportAnalyticsHandler(GetAnalyticsHandler dashboards) : IQueryHandler<ExportAnalyticsQuery, Result<AnalyticsCsv>>
{
    private static readonly string[] FigureColumns =
        ["recordings", "recorded_seconds", "recorded_bytes", "views", "unique_viewers", "watched_seconds", "average_coverage"];

    public async ValueTask<Result<AnalyticsCsv>> Handle(ExportAnalyticsQuery query, CancellationToken cancellationToken)
    {
        var found = await dashboards.Handle(query.Report, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var dashboard = found.Value;
        var report = dashboard.Report;
        var table = WireNames.TryParse<AnalyticsTable>(query.Table, out var asked) ? asked : AnalyticsTable.Periods;
        var csv = new StringBuilder();
        switch (table)
        {
            case AnalyticsTable.Periods:
                Row(csv, ["period_start", .. FigureColumns]);
                foreach (var period in report.Periods)
                {
                    Row(csv, [period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. Cells(period.Figures)]);
                }

                break;
            case AnalyticsTable.Parents:
                Row(csv, ["kind", "parent_id", "name", "teacher_id", "teacher", .. FigureColumns, "needing_catch_up", "caught_up", "catch_up_rate"]);
                foreach (var parent in report.Parents)
                {
                    Row(csv, [parent.SessionKind.Name, parent.ParentId?.ToString(), parent.Name, parent.TeacherId.ToString(), parent.TeacherName,
                        .. Cells(parent.Figures), .. Cells(parent.CatchUp)]);
                }

                break;
            default:
                Row(csv, ["teacher_id", "teacher", .. FigureColumns, "needing_catch_up", "caught_up", "catch_up_rate"]);
                foreach (var teacher in report.Teachers)
                {
                    Row(csv, [teacher.TeacherId.ToString(), teacher.Name, .. Cells(teacher.Figures), .. Cells(teacher.CatchUp)]);
                }

                break;
        }

        var name = $"analytics-{WireNames.Of(table)}-{dashboard.From:yyyy-MM-dd}-{dashboard.To:yyyy-MM-dd}.csv";
        return new AnalyticsCsv(name, csv.ToString());
    }

    private static string?[] Cells(AnalyticsFigures f) =>
        [Number(f.Recordings), Number(f.RecordedSeconds), Number(f.RecordedBytes), Number(f.Views), Number(f.UniqueViewers),
            Number(f.WatchedSeconds), f.AverageCoverage is { } c ? Number(c) : null];

    private static string?[] Cells(CatchUpFigures c) => [Number(c.NeedingCatchUp), Number(c.CaughtUp), c.Rate is { } r ? Number(r) : null];

    private static string Number(double value) => Math.Round(value, 4).ToString(CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, string?[] cells)
    {
        csv.AppendJoin(',', cells.Select(Quoted)).Append("\r\n");
    }

    /// <summary>A cell, quoted when it holds a comma, a quote or a line break; one starting like a formula gets a quote mark so spreadsheets show it as text.</summary>
    private static string Quoted(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return string.Empty;
        }

        var text = cell[0] is '=' or '+' or '-' or '@' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? $"'{cell}" : cell;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
