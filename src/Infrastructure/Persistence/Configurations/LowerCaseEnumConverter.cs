using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

/// <summary>Stores an enum as its lower-case name (<c>recording</c>, <c>admin</c>), readable in SQL and in index filters.</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => value.ToString().ToLowerInvariant(),
    text => Enum.Parse<TEnum>(text, true))
    where TEnum : struct, Enum;
