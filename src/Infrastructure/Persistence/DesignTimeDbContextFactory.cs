using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the API; it never connects.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RecordingDbContext>
{
    public RecordingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RecordingDbContext>();
        RecordingDbContext.Configure(options, "Host=localhost;Database=design_time", SessionKindServiceCollectionExtensions.BuiltIn());
        return new RecordingDbContext(options.Options);
    }
}
