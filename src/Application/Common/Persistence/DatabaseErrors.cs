using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Application.Common.Persistence;

/// <summary>Recognises the database errors that are an expected outcome rather than a fault.</summary>
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
}
