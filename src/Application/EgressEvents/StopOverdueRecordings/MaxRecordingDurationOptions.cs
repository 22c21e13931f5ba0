using System.ComponentModel.DataAnnotations;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.EgressEvents.StopOverdueRecordings;

/// <summary>
/// How long a recording of each kind may run before the service stops it (section <c>Recording:MaxDuration</c>, e.g.
/// <c>Recording:MaxDuration:Quran</c>): a forgotten recording must not fill the disk. One entry for every registered
/// kind; three hours unless its registration says otherwise, LiveKit Cloud's own limit for a file.
/// </summary>
public sealed class MaxRecordingDurationOptions : IValidatableObject
{
    public const string SectionName = "Recording:MaxDuration";

    public static readonly TimeSpan Default = TimeSpan.FromHours(3);

    public Dictionary<SessionKind, TimeSpan> Kinds { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Kinds.Count == 0
            ? [new ValidationResult($"{SectionName}: no session kind is registered.")]
            : Kinds.Where(k => k.Value <= TimeSpan.Zero)
                .Select(k => new ValidationResult(
                    $"{SessionKindKeys.Describe($"{SectionName}:{SessionKindKeys.KeyOf(k.Key)}")} must be positive."));
}

/// <summary>Checks <see cref="MaxRecordingDurationOptions"/> at start-up, naming each duration that is not positive.</summary>
[OptionsValidator]
public sealed partial class MaxRecordingDurationOptionsValidator : IValidateOptions<MaxRecordingDurationOptions>;
