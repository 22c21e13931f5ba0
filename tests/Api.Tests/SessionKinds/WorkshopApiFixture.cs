using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Infrastructure.Persistence;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.SessionKinds;

/// <summary>
/// The whole stack with the workshop kind registered, as a deployment that adds a kind would run it: the committed
/// migrations, then the kind's own schema (what <c>dotnet ef migrations add</c> would write for its mapping: the
/// difference between the committed model and the model with the kind), then the API with
/// <c>services.AddSessionKind&lt;WorkshopKind&gt;()</c> and the kind's settings. No production code knows the kind.
/// </summary>
public sealed class WorkshopApiFixture : ApiFixture
{
    protected override async Task PrepareDatabaseAsync(string connectionString)
    {
        await using (var shipped = NewContext(connectionString, SessionKindServiceCollectionExtensions.BuiltIn()))
        {
            await shipped.Database.MigrateAsync();
        }

        await using var withWorkshops = NewContext(connectionString, [.. SessionKindServiceCollectionExtensions.BuiltIn(), new WorkshopKind()]);
        var committed = withWorkshops.GetService<IMigrationsAssembly>().ModelSnapshot!.Model;
        var committedModel = withWorkshops.GetService<IModelRuntimeInitializer>().Initialize(
            committed is IMutableModel mutable ? mutable.FinalizeModel() : committed);
        var operations = withWorkshops.GetService<IMigrationsModelDiffer>().GetDifferences(
            committedModel.GetRelationalModel(), withWorkshops.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        operations.Should().NotBeEmpty("the workshop kind brings its own table and column");
        foreach (var command in withWorkshops.GetService<IMigrationsSqlGenerator>().Generate(operations, withWorkshops.Model))
        {
            await withWorkshops.Database.ExecuteSqlRawAsync(command.CommandText);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Recording:Workshop:Layout", "grid-light");
        builder.ConfigureServices(services => services.AddSessionKind<WorkshopKind>());
    }

    private static RecordingDbContext NewContext(string connectionString, IEnumerable<ISessionKindDefinition> kinds)
    {
        var options = new DbContextOptionsBuilder<RecordingDbContext>();
        RecordingDbContext.Configure(options, connectionString, kinds);
        return new RecordingDbContext(options.Options);
    }
}

[CollectionDefinition(Name)]
public sealed class WorkshopCollection : ICollectionFixture<WorkshopApiFixture>
{
    public const string Name = "workshop";
}
