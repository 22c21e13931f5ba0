using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

/// <summary>Stores an enum as its lower-case name (<c>recording</c>, <c>admin</c>), readable in SQL and in index filters.</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => StoredEnumName.Of(value),
    text => Enum.Parse<TEnum>(text, true))
    where TEnum : struct, Enum;

/// <summary>The name <see cref="LowerCaseEnumConverter{TEnum}"/> stores, for SQL written by hand.</summary>
public static class StoredEnumName
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        value.ToString().ToLowerInvariant();
}
