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
        var options = new DbContextOptionsBuilder<RecordingDbContext>();
        RecordingDbContext.Configure(options, await api.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!)), SessionKindServiceCollectionExtensions.BuiltIn());
        options.AddInterceptors(counter);
        using var kinds = new SessionKindMemory();

        var first = await FindAsync(options.Options, kinds, sessionId);
        var afterFirst = counter.Count;
        var again = await FindAsync(options.Options, kinds, sessionId);

        first.Should().NotBeNull();
        again!.Id.Should().Be(sessionId);
        afterFirst.Should().Be(2, "the kind, then the session with what its rules read");
        (counter.Count - afterFirst).Should().Be(1, "the kind is remembered");
        (await FindAsync(options.Options, kinds, Guid.NewGuid())).Should().BeNull("a session that does not exist is not found, and nothing is remembered of it");
        (await FindAsync(options.Options, kinds, Guid.NewGuid())).Should().BeNull();
        (counter.Count - afterFirst).Should().Be(3, "each unknown session costs its one look-up");
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
