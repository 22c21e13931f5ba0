using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Infrastructure.Persistence.SessionKinds;

/// <summary>
/// Carries the registered session kinds into <see cref="RecordingDbContext"/>'s options: a pooled context takes nothing
/// but its options, and its model (which kinds the <c>sessions</c> table holds) depends on them.
/// </summary>
public sealed class SessionKindsOptionsExtension(IReadOnlyList<ISessionKindDefinition> kinds) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public IReadOnlyList<ISessionKindDefinition> Kinds { get; } = kinds;

    /// <summary>Tells models apart: the definitions' types, in registration order.</summary>
    public string ModelKey { get; } = string.Join(';', kinds.Select(k => k.GetType().AssemblyQualifiedName));

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(SessionKindsOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"SessionKinds={string.Join(',', extension.Kinds.Select(k => k.Kind))} ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["SessionKinds"] = extension.ModelKey;
    }
}

/// <summary>Caches one model per set of registered kinds, so hosts with different kinds in one process never share one.</summary>
internal sealed class SessionKindsModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is RecordingDbContext recording
            ? (context.GetType(), designTime, recording.SessionKindsModelKey)
            : (context.GetType(), designTime, string.Empty);
}
