using System.Buffers.Binary;
using ItqanRecording.Infrastructure.Persistence;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using ItqanRecording.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ItqanRecording.Infrastructure.Tests.Persistence;

/// <summary>The session's advisory lock, on a real PostgreSQL: one session's writers take turns, other sessions do not wait.</summary>
public sealed class PostgresSessionRecordingLockTests
{
    private static readonly Guid Session = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");

    [Fact]
    public void A_sessions_lock_key_is_fixed_by_its_id_alone()
    {
        // Guid's bytes: 33 22 11 00 55 44 77 66 | 88 99 aa bb cc dd ee ff; each half read little-endian, XORed.
        PostgresSessionRecordingLock.KeyOf(Session).Should().Be(unchecked((long)0x6677445500112233UL ^ (long)0xffeeddccbbaa9988UL));
        PostgresSessionRecordingLock.KeyOf(Session).Should().Be(unchecked((long)0x99999999BBBBBBBBUL));
    }

    [Fact]
    public async Task A_second_writer_of_the_same_session_waits_until_the_first_ends()
    {
        var database = await PostgresServer.Shared.CreateDatabaseAsync("session_lock");
        await using var first = Context(database);
        await using var second = Context(database);
        using var kinds = new SessionKindMemory();

        var held = await new PostgresSessionRecordingLock(first, kinds).AcquireAsync(Session, CancellationToken.None);
        var waiting = new PostgresSessionRecordingLock(second, kinds).AcquireAsync(Session, CancellationToken.None);
        await Poll.UntilAsync(() => WaitingAdvisoryLocksAsync(database), count => count == 1);
        waiting.IsCompleted.Should().BeFalse();

        await held.DisposeAsync();
        await (await waiting.WaitAsync(TimeSpan.FromSeconds(30))).DisposeAsync();
    }

    [Fact]
    public async Task Sessions_whose_32_bit_hashes_collide_do_not_wait_for_each_other()
    {
        var other = SameHashCodeAs(Session);
        other.Should().NotBe(Session);
        other.GetHashCode().Should().Be(Session.GetHashCode());
        var database = await PostgresServer.Shared.CreateDatabaseAsync("session_lock");
        await using var first = Context(database);
        await using var second = Context(database);
        using var kinds = new SessionKindMemory();

        await using var held = await new PostgresSessionRecordingLock(first, kinds).AcquireAsync(Session, CancellationToken.None);
        var acquire = () => new PostgresSessionRecordingLock(second, kinds).AcquireAsync(other, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        await (await acquire.Should().NotThrowAsync()).Subject.DisposeAsync();
    }

    /// <summary>Another id with the same <see cref="Guid.GetHashCode"/> (the XOR of its four 32-bit words).</summary>
    private static Guid SameHashCodeAs(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes, BinaryPrimitives.ReadInt32LittleEndian(bytes) ^ 0x0F0F0F0F);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[4..], BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]) ^ 0x0F0F0F0F);
        return new Guid(bytes);
    }

    private static RecordingDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<RecordingDbContext>();
        RecordingDbContext.Configure(options, connectionString, SessionKindServiceCollectionExtensions.BuiltIn());
        return new RecordingDbContext(options.Options);
    }

    private static async Task<long> WaitingAdvisoryLocksAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
