using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>
/// Locks the rows a query reads: EF Core has no <c>FOR UPDATE</c>, so a query tagged with <see cref="Tag"/>
/// (<c>TagWith</c>) gets it appended (EF Core's documented way to add a query hint). The query stays LINQ, so EF Core
/// generates and caches its SQL once. Only the rows of the tables in its FROM are locked, not those its subqueries read.
/// </summary>
public sealed class ForUpdateInterceptor : DbCommandInterceptor
{
    public const string Tag = "lock the rows read: FOR UPDATE";

    public static readonly ForUpdateInterceptor Instance = new();

    private const string TagLine = "-- " + Tag;

    private ForUpdateInterceptor()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        AppendForUpdate(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        AppendForUpdate(command);
        return ValueTask.FromResult(result);
    }

    private static void AppendForUpdate(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.CommandText.StartsWith(TagLine, StringComparison.Ordinal))
        {
            command.CommandText += " FOR UPDATE";
        }
    }
}
