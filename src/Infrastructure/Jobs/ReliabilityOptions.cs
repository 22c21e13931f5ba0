using Microsoft.Extensions.Options;

namespace Itqan.Recording.Infrastructure.Jobs;

/// <summary>When the background jobs run (section <c>Reliability</c>).</summary>
public sealed class ReliabilityOptions
{
    public const string SectionName = "Reliability";

    /// <summary>A recording or processing recording older than this is checked against LiveKit.</summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often recordings that ran past their kind's maximum duration are looked for.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often recordings past their academy's retention period are deleted.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often waiting egress events that are applied or too old are deleted.</summary>
    public TimeSpan PendingEventPruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An egress event still waiting this long after it arrived is deleted: its recording is not coming.</summary>
    public TimeSpan PendingEventMaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most waiting egress events one pruning run deletes.</summary>
    public int PendingEventPruneBatchSize { get; set; } = 1000;

    /// <summary>How long the host waits for requests and a job's current unit to finish when it stops.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Problems()
    {
        if (ReconcileAfter < TimeSpan.Zero)
        {
            yield return $"Reliability:ReconcileAfter must not be negative, not {ReconcileAfter}.";
        }

        foreach (var (name, value) in new[]
                 {
                     (nameof(ReconcileInterval), ReconcileInterval),
                     (nameof(OverdueCheckInterval), OverdueCheckInterval),
                     (nameof(RetentionInterval), RetentionInterval),
                     (nameof(PendingEventPruneInterval), PendingEventPruneInterval),
                     (nameof(PendingEventMaxAge), PendingEventMaxAge),
                     (nameof(ShutdownTimeout), ShutdownTimeout),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"Reliability:{name} must be positive, not {value}.";
            }
        }

        if (PendingEventPruneBatchSize <= 0)
        {
            yield return $"Reliability:PendingEventPruneBatchSize must be positive, not {PendingEventPruneBatchSize}.";
        }
    }
}

/// <summary>Checks <see cref="ReliabilityOptions"/> at start-up and names every invalid setting.</summary>
public sealed class ReliabilityOptionsValidator : IValidateOptions<ReliabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ReliabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
