using System.Data.Common;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Infrastructure.Persistence;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ItqanRecording.Api.Tests.Sessions;

/// <summary>Loading one session for its rules (every Start, Stop, session page): how many statements it costs.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionFinderTests(ApiFixture api)
{
    [Fact]
    public async Task A_session_this_instance_loaded_before_loads_in_one_statement_because_its_kind_is_remembered()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var counter = new StatementCounter();
        var options = await CountedOptionsAsync(counter);
        using var kinds = new SessionKindMemory();

        var first = await FindAsync(options, kinds, sessionId);
        var afterFirst = counter.Count;
        var again = await FindAsync(options, kinds, sessionId);

        first.Should().NotBeNull();
        again!.Id.Should().Be(sessionId);
        afterFirst.Should().Be(2, "the kind, then the session with what its rules read");
        (counter.Count - afterFirst).Should().Be(1, "the kind is remembered");
        (await FindAsync(options, kinds, Guid.NewGuid())).Should().BeNull("a session that does not exist is not found, and nothing is remembered of it");
        (await FindAsync(options, kinds, Guid.NewGuid())).Should().BeNull();
        (counter.Count - afterFirst).Should().Be(3, "each unknown session costs its one look-up");
    }

    [Fact]
    public async Task A_session_whose_recording_lock_was_just_taken_loads_in_one_statement_because_the_lock_read_its_kind()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var counter = new StatementCounter();
        using var kinds = new SessionKindMemory();
        await using var db = new RecordingDbContext(await CountedOptionsAsync(counter));

        var locked = await new PostgresSessionRecordingLock(db, kinds).AcquireAndReadActivityAsync(sessionId, CancellationToken.None);
        await using var scope = locked.Scope;
        var session = await new SessionFinder(db, SessionKindServiceCollectionExtensions.BuiltIn(), kinds).FindAsync(sessionId, CancellationToken.None);

        locked.IsRecording.Should().BeFalse();
        session!.Id.Should().Be(sessionId);
        counter.Count.Should().Be(1, "the session with what its rules read; its kind came with the lock");
    }

    private async Task<DbContextOptions<RecordingDbContext>> CountedOptionsAsync(StatementCounter counter)
    {
        var options = new DbContextOptionsBuilder<RecordingDbContext>();
        RecordingDbContext.Configure(options, await api.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!)), SessionKindServiceCollectionExtensions.BuiltIn());
        return options.AddInterceptors(counter).Options;
    }

    private static async Task<Domain.Sessions.IRecordingCapable?> FindAsync(DbContextOptions<RecordingDbContext> options, SessionKindMemory kinds, Guid sessionId)
    {
        await using var db = new RecordingDbContext(options);
        return await new SessionFinder(db, SessionKindServiceCollectionExtensions.BuiltIn(), kinds).FindAsync(sessionId, CancellationToken.None);
    }

    private sealed class StatementCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }
}
