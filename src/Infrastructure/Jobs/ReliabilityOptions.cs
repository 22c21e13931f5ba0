using System.ComponentModel.DataAnnotations;
using ItqanRecording.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Jobs;

/// <summary>When the background jobs run (section <c>Reliability</c>), checked at start-up.</summary>
public sealed class ReliabilityOptions
{
    public const string SectionName = "Reliability";

    /// <summary>A recording or processing recording older than this is checked against LiveKit.</summary>
    [SettingRange(SettingRangeAttribute.Zero, SettingRangeAttribute.Longest,
        ErrorMessage = "Reliability:ReconcileAfter (env Reliability__ReconcileAfter) must not be negative.")]
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromMinutes(2);

    [SettingRange(SettingRangeAttribute.Zero, SettingRangeAttribute.Longest, MinimumIsExclusive = true,
        ErrorMessage = "Reliability:ReconcileInterval (env Reliability__ReconcileInterval) must be positive.")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often recordings that ran past their kind's maximum duration are looked for.</summary>
    [SettingRange(SettingRangeAttribute.Zero, SettingRangeAttribute.Longest, MinimumIsExclusive = true,
        ErrorMessage = "Reliability:OverdueCheckInterval (env Reliability__OverdueCheckInterval) must be positive.")]
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often recordings past their academy's retention period are deleted.</summary>
    [SettingRange(SettingRangeAttribute.Zero, SettingRangeAttribute.Longest, MinimumIsExclusive = true,
        ErrorMessage = "Reliability:RetentionInterval (env Reliability__RetentionInterval) must be positive.")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often waiting egress events that are applied or too old are deleted.</summary>
    [SettingRange(SettingRangeAttribute.Zero, SettingRangeAttribute.Longest, MinimumIsExclusive = true,
        ErrorMessage = "Reliability:PendingEventPruneInterval (env Reliability__PendingEventPruneInterval) must be positive.")]
    public TimeSpan PendingEventPruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An egress event still waiting this long after it arrived is deleted: its recording is not coming.</summary>
    [SettingRange(SettingRangeAttribute.Zero, SettingRangeAttribute.Longest, MinimumIsExclusive = true,
        ErrorMessage = "Reliability:PendingEventMaxAge (env Reliability__PendingEventMaxAge) must be positive.")]
    public TimeSpan PendingEventMaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most waiting egress events one pruning run deletes.</summary>
    [SettingRange(1, int.MaxValue,
        ErrorMessage = "Reliability:PendingEventPruneBatchSize (env Reliability__PendingEventPruneBatchSize) must be positive.")]
    public int PendingEventPruneBatchSize { get; set; } = 1000;

    /// <summary>How long the host waits for requests and a job's current unit to finish when it stops.</summary>
    [SettingRange(SettingRangeAttribute.Zero, SettingRangeAttribute.Longest, MinimumIsExclusive = true,
        ErrorMessage = "Reliability:ShutdownTimeout (env Reliability__ShutdownTimeout) must be positive.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Checks <see cref="ReliabilityOptions"/> at start-up and names every invalid setting.</summary>
[OptionsValidator]
public sealed partial class ReliabilityOptionsValidator : IValidateOptions<ReliabilityOptions>;
