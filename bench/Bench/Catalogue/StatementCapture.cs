using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ItqanRecording.Bench.Catalogue;

/// <summary>
/// The statements one API request ran, read from the bench cluster's log (<c>log_statement = 'all'</c>, prefix
/// <c>'%m [%p] app=%a '</c>) after <c>--offset</c>, for the connections whose application name is <c>--app</c>.
/// Npgsql's own connection reset (DISCARD ALL) is left out: the raw runner's pool sends it too.
/// </summary>
public static partial class StatementCapture
{
    public static async Task<int> RunAsync(Arguments options, CancellationToken cancellationToken)
    {
        var app = options.Get("app", "itqan-api");
        var text = await ReadFromAsync(options.Get("log"), long.Parse(options.Get("offset", "0"), System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        var statements = Parse(text, app);
        if (statements.Count == 0)
        {
            await Console.Error.WriteLineAsync($"capture-sql: no statements of app={app} in the log after the offset");
            return 1;
        }

        await File.WriteAllTextAsync(options.Get("out"), JsonSerializer.Serialize(statements, BenchJson.Options), cancellationToken);
        Console.WriteLine($"capture-sql: {statements.Count} statement(s)");
        return 0;
    }

    public static List<CapturedStatement> Parse(string log, string app)
    {
        // Entries start with the prefix; lines without it continue the previous entry (multi-line SQL).
        var entries = new List<(string App, string Level, StringBuilder Message)>();
        foreach (var line in log.Split('\n'))
        {
            var match = EntryStart().Match(line);
            if (match.Success)
            {
                entries.Add((match.Groups["app"].Value, match.Groups["level"].Value, new StringBuilder(match.Groups["message"].Value)));
            }
            else if (entries.Count > 0)
            {
                entries[^1].Message.Append('\n').Append(line);
            }
        }

        var statements = new List<CapturedStatement>();
        foreach (var (entryApp, level, message) in entries)
        {
            if (entryApp != app)
            {
                continue;
            }

            var text = message.ToString().TrimEnd();
            if (level == "LOG" && StatementText().Match(text) is { Success: true } statement)
            {
                var sql = statement.Groups["sql"].Value.Trim();
                if (!sql.StartsWith("DISCARD ALL", StringComparison.OrdinalIgnoreCase))
                {
                    statements.Add(new CapturedStatement(sql, []));
                }
            }
            else if (level == "DETAIL" && text.StartsWith("parameters: ", StringComparison.Ordinal) && statements.Count > 0)
            {
                statements[^1] = statements[^1] with { Parameters = ParseParameters(text["parameters: ".Length..]) };
            }
        }

        return statements;
    }

    /// <summary><c>$1 = 'a''b', $2 = NULL</c> → ["a'b", null].</summary>
    private static List<string?> ParseParameters(string text)
    {
        var values = new List<string?>();
        var i = 0;
        while (i < text.Length)
        {
            var equals = text.IndexOf(" = ", i, StringComparison.Ordinal);
            if (equals < 0)
            {
                break;
            }

            i = equals + 3;
            if (text.AsSpan(i).StartsWith("NULL"))
            {
                values.Add(null);
                i += 4;
            }
            else
            {
                var value = new StringBuilder();
                i++; // opening quote
                while (i < text.Length)
                {
                    if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        value.Append('\'');
                        i += 2;
                    }
                    else if (text[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }

                values.Add(value.ToString());
            }

            i = text.IndexOf(", $", i, StringComparison.Ordinal) is var next and >= 0 ? next + 2 : text.Length;
        }

        return values;
    }

    private static async Task<string> ReadFromAsync(string path, long offset, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(file, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \S+ \[\d+\] app=(?<app>\S*) (?<level>[A-Z]+):  (?<message>.*)$")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"^(?:statement|execute [^:]*): (?<sql>.*)$", RegexOptions.Singleline)]
    private static partial Regex StatementText();
}
