using Itqan.Recording.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Itqan.Recording.Infrastructure.Tests.Persistence;

/// <summary>Every DbContext gets Npgsql's automatic preparation unless the operator's connection string says otherwise.</summary>
public class RecordingDbContextConfigurationTests
{
    private const string Server = "Host=127.0.0.1;Port=5432;Database=itqan;Username=itqan;Password=secret";

    [Fact]
    public void Without_auto_prepare_settings_the_connection_prepares_the_statements_it_repeats()
    {
        var settings = ConfiguredConnectionString(Server);

        settings.MaxAutoPrepare.Should().Be(RecordingDbContext.DefaultMaxAutoPrepare);
        settings.AutoPrepareMinUsages.Should().Be(RecordingDbContext.DefaultAutoPrepareMinUsages);
        settings.Host.Should().Be("127.0.0.1");
        settings.Password.Should().Be("secret");
    }

    [Theory]
    [InlineData("Max Auto Prepare=10", 10)]
    [InlineData("MaxAutoPrepare=0", 0)]
    [InlineData("max auto prepare=128", 128)]
    public void An_explicit_max_auto_prepare_is_kept(string setting, int expected)
    {
        var settings = ConfiguredConnectionString($"{Server};{setting}");

        settings.MaxAutoPrepare.Should().Be(expected);
    }

    [Fact]
    public void An_explicit_auto_prepare_min_usages_is_kept()
    {
        var settings = ConfiguredConnectionString($"{Server};Auto Prepare Min Usages=7");

        settings.AutoPrepareMinUsages.Should().Be(7);
        settings.MaxAutoPrepare.Should().Be(RecordingDbContext.DefaultMaxAutoPrepare);
    }

    private static NpgsqlConnectionStringBuilder ConfiguredConnectionString(string connectionString)
    {
        var options = new DbContextOptionsBuilder<RecordingDbContext>();
        RecordingDbContext.Configure(options, connectionString);
        using var db = new RecordingDbContext(options.Options);
        return new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
    }
}
