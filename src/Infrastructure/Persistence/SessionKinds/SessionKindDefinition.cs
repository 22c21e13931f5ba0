using System.Linq.Expressions;
using ItqanRecording.Application.EgressEvents.StopOverdueRecordings;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.SessionKinds;

/// <summary>
/// The base of a kind's definition, typed by its session class: a kind says what it is called, how its class is mapped
/// (beside the shared <c>sessions</c> columns), what its rules read, who takes part, and its defaults if they differ.
/// </summary>
public abstract class SessionKindDefinition<TSession> : ISessionKindDefinition
    where TSession : LiveSession
{
    public abstract SessionKind Kind { get; }

    public virtual TimeSpan DefaultMaxDuration => MaxRecordingDurationOptions.Default;

    public virtual KindRecordingOptions NewRecordingDefaults() => new();

    public void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<LiveSession>().HasDiscriminator<string>(SessionConfiguration.KindColumn).HasValue<TSession>(Kind.Name);
        Configure(modelBuilder.Entity<TSession>(), modelBuilder);
    }

    public IQueryable<LiveSession> WithRuleData(RecordingDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return IncludeRuleData(db.Sessions.OfType<TSession>());
    }

    public Expression<Func<LiveSession, bool>> TakesPart(Guid userId)
    {
        var typed = TakesPartAs(userId);
        var session = Expression.Parameter(typeof(LiveSession), "s");
        var body = ParameterReplacer.Replace(typed, Expression.Convert(session, typeof(TSession)));
        return Expression.Lambda<Func<LiveSession, bool>>(
            Expression.AndAlso(Expression.TypeIs(session, typeof(TSession)), body), session);
    }

    public IQueryable<SessionStudent> Students(RecordingDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return StudentsOf(db.Sessions.OfType<TSession>());
    }

    /// <summary>The kind's own mapping: its foreign keys, and the entities only it uses.</summary>
    protected abstract void Configure(EntityTypeBuilder<TSession> session, ModelBuilder modelBuilder);

    /// <summary>The includes its rules (who may record, who may watch, whether recording is on, metadata) read.</summary>
    protected abstract IQueryable<TSession> IncludeRuleData(IQueryable<TSession> sessions);

    /// <summary>Whether the user teaches or attends the session, as a query the database runs.</summary>
    protected abstract Expression<Func<TSession, bool>> TakesPartAs(Guid userId);

    /// <summary>The students each of the sessions expects, as its rules' <see cref="LiveSession.StudentIds"/> say.</summary>
    protected abstract IQueryable<SessionStudent> StudentsOf(IQueryable<TSession> sessions);
}
