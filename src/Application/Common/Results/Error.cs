namespace ItqanRecording.Application.Common.Results;

/// <summary>The kinds of expected failure; the Api maps each to one HTTP status.</summary>
public enum ErrorType
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Unprocessable,
    TooManyRequests,
    UpstreamRejected,
    UpstreamUnavailable,
    UpstreamTimeout,
}

/// <summary>An expected failure: a stable code for machines, a sentence for people.</summary>
public sealed record Error(string Code, string Message, ErrorType Type)
{
    public static Error NotFound(string code, string message) => new(code, message, ErrorType.NotFound);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorType.Forbidden);

    public static Error Conflict(string code, string message) => new(code, message, ErrorType.Conflict);

    public static Error Unprocessable(string code, string message) => new(code, message, ErrorType.Unprocessable);
}
