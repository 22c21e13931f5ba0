namespace Itqan.Recording.Application.Common.Validation;

/// <summary>Rules for text that reaches the database.</summary>
public static class TextValidation
{
    public const string NulMessage = "'{PropertyName}' must not contain NUL characters.";

    /// <summary>
    /// PostgreSQL text cannot hold a NUL character: a string with one fails in the database (a 500) unless a
    /// validator refuses it first (a 400).
    /// </summary>
    public static bool HasNoNul(string? text) => text is null || !text.Contains('\0', StringComparison.Ordinal);
}
