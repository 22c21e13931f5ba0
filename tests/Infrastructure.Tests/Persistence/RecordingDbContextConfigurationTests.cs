using ItqanRecording.Infrastructure.Persistence;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ItqanRecording.Infrastructure.Tests.Persistence;

/// <summary>
/// The DbContext uses the operator's connection string as given: no automatic preparation unless it asks for it
/// (automatic preparation left connections out of step after a failed statement, npgsql/npgsql#6391).
/// </summary>
public class RecordingDbContextConfigurationTests
{
    private const string Server = "Host=127.0.0.1;Port=5432;Database=itqan;Username=itqan;Password=secret";

    [Fact]
    public void Without_settings_of_its_own_the_connection_prepares_nothing_automatically()
    {
        var settings = ConfiguredConnectionString(Server);

        settings.MaxAutoPrepare.Should().Be(0);
        settings.Host.Should().Be("127.0.0.1");
        settings.Password.Should().Be("secret");
    }

    [Fact]
    public void An_operators_max_auto_prepare_is_kept()
    {
        ConfiguredConnectionString($"{Server};Max Auto Prepare=10").MaxAutoPrepare.Should().Be(10);
    }

    private static NpgsqlConnectionStringBuilder ConfiguredConnectionString(string connectionString)
    {
        var options = new DbContextOptionsBuilder<RecordingDbContext>();
        RecordingDbContext.Configure(options, connectionString, SessionKindServiceCollectionExtensions.BuiltIn());
        using var db = new RecordingDbContext(options.Options);
        return new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
    }
}
