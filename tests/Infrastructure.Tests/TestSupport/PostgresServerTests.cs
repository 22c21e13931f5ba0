using System.Net;
using System.Net.Sockets;
using ItqanRecording.TestSupport;
using Npgsql;

namespace ItqanRecording.Infrastructure.Tests.TestSupport;

public sealed class PostgresServerTests
{
    private static PostgresServer Server => PostgresServer.Shared;

    [Fact]
    public async Task Two_created_databases_do_not_see_each_others_tables()
    {
        var first = await Server.CreateDatabaseAsync("isolation");
        var second = await Server.CreateDatabaseAsync("isolation");

        await ExecuteAsync(first, "CREATE TABLE only_in_first (id int)");

        (await CountTablesNamedAsync(first, "only_in_first")).Should().Be(1);
        (await CountTablesNamedAsync(second, "only_in_first")).Should().Be(0);
    }

    [Fact]
    public async Task A_created_database_starts_empty_and_keeps_what_is_written()
    {
        var database = await Server.CreateDatabaseAsync("roundtrip");

        (await ScalarAsync<long>(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).Should().Be(0);
        await ExecuteAsync(database, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('بسم الله')");

        (await ScalarAsync<string>(database, "SELECT body FROM notes")).Should().Be("بسم الله");
    }

    [Fact]
    public async Task The_server_is_a_real_PostgreSQL_15_or_newer()
    {
        var database = await Server.CreateDatabaseAsync("version");

        var version = await ScalarAsync<string>(database, "SHOW server_version");
        var banner = await ScalarAsync<string>(database, "SELECT version()");

        banner.Should().StartWith("PostgreSQL ");
        int.Parse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(15);
    }

    [Fact]
    public async Task Databases_created_with_the_same_prefix_get_distinct_names_that_start_with_it()
    {
        var first = Database(await Server.CreateDatabaseAsync("same_prefix"));
        var second = Database(await Server.CreateDatabaseAsync("same_prefix"));

        first.Should().NotBe(second);
        first.Should().StartWith("same_prefix_");
        second.Should().StartWith("same_prefix_");
    }

    [Fact]
    public async Task A_prefix_with_characters_an_identifier_cannot_hold_still_gives_a_usable_database()
    {
        var database = await Server.CreateDatabaseAsync("Api.Tests/\"Recordings\"; DROP DATABASE postgres");

        Database(database).Should().MatchRegex("^[a-z0-9_]{1,63}$");
        (await ScalarAsync<int>(database, "SELECT 1")).Should().Be(1);
    }

    [Fact]
    public async Task Errors_from_a_created_database_carry_the_offending_values()
    {
        var database = await Server.CreateDatabaseAsync("error_detail");
        await ExecuteAsync(database, "CREATE TABLE users (email text UNIQUE); INSERT INTO users VALUES ('a@demo.itqan')");

        var duplicate = () => ExecuteAsync(database, "INSERT INTO users VALUES ('a@demo.itqan')");

        (await duplicate.Should().ThrowAsync<PostgresException>())
            .Which.Detail.Should().Contain("a@demo.itqan");
    }

    [Fact]
    public async Task A_dropped_database_refuses_new_connections_even_while_it_had_open_ones()
    {
        var database = await Server.CreateDatabaseAsync("dropped");
        await using var open = new NpgsqlConnection(database);
        await open.OpenAsync();

        await Server.DropDatabaseAsync(database);

        var reconnect = () => ScalarAsync<int>(database, "SELECT 1");
        (await reconnect.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InvalidCatalogName);
    }

    [Fact]
    public async Task Databases_created_concurrently_are_all_usable()
    {
        var databases = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Server.CreateDatabaseAsync("concurrent")));

        databases.Distinct().Should().HaveCount(12);
        var answers = await Task.WhenAll(databases.Select(database => ScalarAsync<int>(database, "SELECT 42")));
        answers.Should().AllBeEquivalentTo(42);
    }

    [Fact]
    public async Task Disposing_a_server_stops_it_so_new_connections_are_refused()
    {
        var server = new PostgresServer();
        string database;
        try
        {
            database = await server.CreateDatabaseAsync("disposed");
            (await ScalarAsync<int>(database, "SELECT 1")).Should().Be(1);
        }
        finally
        {
            await server.DisposeAsync();
        }

        var reconnect = () => ScalarAsync<int>(database, "SELECT 1");
        await reconnect.Should().ThrowAsync<NpgsqlException>();
    }

    [Fact]
    public void FreeTcpPort_hands_out_a_loopback_port_that_can_be_listened_on()
    {
        var port = FreeTcpPort.Next();

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();

        port.Should().BeInRange(1, 65535);
    }

    private static string Database(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    private static async Task<long> CountTablesNamedAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename = @table", connection);
        command.Parameters.AddWithValue("table", table);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
