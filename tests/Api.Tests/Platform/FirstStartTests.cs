using ItqanRecording.Api.Tests.Support;
using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Api.Tests.Platform;

/// <summary>The first start of a deployment: an empty database the API migrates itself (Database:MigrateOnStartup).</summary>
[Collection(ApiCollection.Name)]
public sealed class FirstStartTests(ApiFixture api)
{
    [Fact]
    public async Task The_first_start_on_an_empty_database_migrates_it_before_anything_reads_it_and_logs_no_error()
    {
        var empty = await PostgresServer.Shared.CreateDatabaseAsync("first-start");
        var logs = new CapturingLoggerProvider();

        await using var instance = api.StartAnotherInstance(builder =>
        {
            builder.UseSetting("ConnectionStrings:Recording", empty);
            builder.ConfigureLogging(l => l.AddProvider(logs));
        });
        var ready = await instance.AnonymousClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        ready.IsSuccessStatusCode.Should().BeTrue();
        logs.Entries.Where(e => e.Level >= LogLevel.Error && !IsEfReadingTheMissingHistoryTable(e))
            .Select(e => e.Category + ": " + e.Text).Should().BeEmpty();
    }

    /// <summary>
    /// EF Core reads the migrations history before it knows the table exists and logs the failure as an error
    /// although it goes on to create it (npgsql/efcore.pg#3407, dotnet/efcore#37328): theirs, not ours.
    /// </summary>
    private static bool IsEfReadingTheMissingHistoryTable(CapturingLoggerProvider.LogEntry entry) =>
        entry.Category == "Microsoft.EntityFrameworkCore.Database.Command"
        && entry.Text.Contains("FROM __ef_migrations_history", StringComparison.Ordinal);
}
