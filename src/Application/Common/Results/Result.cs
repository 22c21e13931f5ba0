using System.Diagnostics.CodeAnalysis;

namespace ItqanRecording.Application.Common.Results;

/// <summary>Either a value or an expected <see cref="Results.Error"/>.</summary>
public sealed class Result<T> : IOutcome
{
    internal Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

#pragma warning disable CA2225 // implicit conversions are the point of this type
    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
#pragma warning restore CA2225
}

public static class Result
{
    /// <summary>A success; for values of an interface type, which C# converts implicitly to no user-defined type.</summary>
    public static Result<T> Of<T>(T value) => new(value, null);
}

/// <summary>The value of a command that succeeds with nothing to say.</summary>
public readonly record struct Success;
