using System.Text.Json;

namespace ItqanRecording.Application.Common;

/// <summary>
/// How the API spells an enum value: snake case, lower case (<c>completed</c>, <c>recording_disabled</c>). The Api's
/// JSON, its OpenAPI document and the query parameters that take an enum (<c>status</c>, <c>kind</c>) all use this one
/// policy, so a value reads the same in a response, in the document and in a filter.
/// </summary>
public static class WireNames
{
    public static JsonNamingPolicy Policy => JsonNamingPolicy.SnakeCaseLower;

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Policy.ConvertName(value.ToString());

    /// <summary>Every value's wire name, comma-separated, for a message that lists what is accepted.</summary>
    public static string All<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(Of));

    /// <summary>The value of a wire name, ignoring case; numbers are not names.</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
