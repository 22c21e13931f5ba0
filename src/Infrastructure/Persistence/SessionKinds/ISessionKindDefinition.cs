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
}
