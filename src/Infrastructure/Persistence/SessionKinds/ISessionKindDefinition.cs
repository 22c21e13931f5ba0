using System.Linq.Expressions;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Infrastructure.Persistence.SessionKinds;

/// <summary>
/// Everything the service must know of one session kind beyond its class: its defaults (for the Application), how
/// it is stored (its discriminator value and its own mapping) and how it is loaded (what its rules read, and who
/// takes part). Registered with <see cref="SessionKindServiceCollectionExtensions.AddSessionKind{TDefinition}"/>;
/// derive from <see cref="SessionKindDefinition{TSession}"/>.
/// </summary>
public interface ISessionKindDefinition : ISessionKindRegistration
{
    /// <summary>Maps the kind into the model: its discriminator value in <c>sessions.kind</c> and its own entities.</summary>
    void Configure(ModelBuilder modelBuilder);

    /// <summary>The kind's sessions with what its rules read.</summary>
    IQueryable<LiveSession> WithRuleData(RecordingDbContext db);

    /// <summary>Sessions of this kind the user teaches or attends; false for every other kind.</summary>
    Expression<Func<LiveSession, bool>> TakesPart(Guid userId);

    /// <summary>Every session of this kind with each student expected in it (not its teacher), as a query the database runs.</summary>
    IQueryable<SessionStudent> Students(RecordingDbContext db);
}

/// <summary>
/// A student expected in a session: enrolled in its course, a member of its circle, or its lesson's student. Built with
/// an object initialiser, which EF Core can put in a <c>UNION ALL</c> (a constructor call it cannot).
/// </summary>
public sealed record SessionStudent
{
    public required Guid SessionId { get; init; }

    public required Guid StudentId { get; init; }
}
