using ItqanRecording.Application.Common.Results;

namespace ItqanRecording.Api.Http;

/// <summary>
/// Endpoint metadata for a sender that retries: when the database does not take the request's change (a concurrent
/// change of the row, a lost connection, a refused save), <see cref="ProblemExceptionHandler"/> answers 503 with
/// <paramref name="Error"/> and <c>Retry-After: 1</c> instead of the usual 409 or 503.
/// </summary>
public sealed record RetryOnDatabaseFailure(Error Error);
