using System.ComponentModel.DataAnnotations;

namespace ItqanRecording.Application.Common.Options;

/// <summary>
/// The range a setting must lie in, failing with its <see cref="ValidationAttribute.ErrorMessage"/> (which names the
/// key). This is DataAnnotations' <see cref="RangeAttribute"/>: used directly, the options validator source generator
/// replaces it with a copy that drops <c>ErrorMessage</c> (dotnet/runtime#123137); a subclass it leaves alone.
/// A duration that must be positive: <c>[SettingRange(Zero, Longest, MinimumIsExclusive = true, …)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingRangeAttribute : RangeAttribute
{
    public const string Zero = "00:00:00";

    /// <summary><see cref="TimeSpan.MaxValue"/>: the range is open at the top.</summary>
    public const string Longest = "10675199.02:48:05.4775807";

    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    /// <summary>A <see cref="TimeSpan"/> between two durations written as <c>[d.]hh:mm:ss[.fffffff]</c>.</summary>
    public SettingRangeAttribute(string minimum, string maximum)
        : base(typeof(TimeSpan), minimum, maximum)
    {
        ParseLimitsInInvariantCulture = true;
        ConvertValueInInvariantCulture = true;
    }
}
