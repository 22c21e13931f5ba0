using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Common.Persistence;

/// <summary>
/// Recognises the database errors that are an expected outcome rather than a fault, so that the layers outside
/// (the Api's exception handler) decide on them without knowing EF Core or the provider.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>PostgreSQL's <c>unique_violation</c> SQLSTATE.</summary>
    private const string UniqueViolation = "23505";

    /// <summary>The save was refused because a row with the same unique key exists (e.g. the same event id).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException is DbException { SqlState: UniqueViolation };
    }

    /// <summary>The save lost a race: someone changed the row since it was read (its <c>xmin</c> moved).</summary>
    public static bool IsConcurrentChange(this Exception exception) => exception is DbUpdateConcurrencyException;

    /// <summary>The database did not take a change: a refused save, a lost connection, a concurrent change.</summary>
    public static bool IsDatabaseFailure(this Exception exception) => exception is DbUpdateException or DbException;

    /// <summary>
    /// The database is down, restarting, refusing connections or dropped ours: Npgsql marks such errors transient
    /// (a broken socket, a timeout, PostgreSQL's 08xxx, 53xxx, 57P0x, 40001 states), wherever EF Core wrapped them.
    /// </summary>
    public static bool IsDatabaseOutage(this Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
