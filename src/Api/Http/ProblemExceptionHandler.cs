using FluentValidation;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Persistence;
using ItqanRecording.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ItqanRecording.Api.Http;

/// <summary>
/// Turns the exceptions that mean "bad request", "conflict" or "the database or the storage is out of reach" into problem
/// responses; anything else stays a 500 (and is a bug).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ProblemDetails? problem = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(
                validation.Errors
                    .GroupBy(e => JsonName(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Detail = "The request has invalid fields.",
                Extensions = { ["code"] = ProblemCodes.ValidationFailed },
            },
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Detail = badRequest.Message,
            },
            DomainException domain => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Detail = domain.Message,
                Extensions = { ["code"] = domain.Code },
            },
            // The middleware has cleared the request's endpoint by now; its feature keeps the one that threw.
            _ when exception.IsDatabaseFailure()
                   && httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<RetryOnDatabaseFailure>() is { } retry =>
                RetryLater(httpContext, exception, retry),
            _ when exception.IsConcurrentChange() => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Detail = "The recording was changed by someone else at the same moment. Reload and try again.",
                Extensions = { ["code"] = "recording.concurrent_change" },
            },
            _ when exception.IsDatabaseOutage() => Unavailable(httpContext, exception, "recordings database", ProblemCodes.DatabaseUnavailable),
            StorageUnavailableException => Unavailable(httpContext, exception, "recordings storage", ProblemCodes.StorageUnavailable),
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails RetryLater(HttpContext httpContext, Exception exception, RetryOnDatabaseFailure retry)
    {
        logger.LogWarning(exception, "{Method} {Path} could not be applied now; the sender will send it again", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.Headers.RetryAfter = "1";
        return new ProblemDetails
        {
            Status = ErrorMapping.StatusCodeOf(retry.Error.Type),
            Detail = retry.Error.Message,
            Extensions = { ["code"] = retry.Error.Code },
        };
    }

    /// <summary>An outage we can name: 503 (Retry-After is added by <see cref="ProblemCodes"/>), logged as a warning.</summary>
    private ProblemDetails Unavailable(HttpContext httpContext, Exception exception, string what, string code)
    {
        logger.LogWarning(exception, "The {Dependency} cannot be used; {Method} {Path} answered 503", what, httpContext.Request.Method, httpContext.Request.Path);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Detail = $"The {what} cannot be reached right now. Nothing was changed; try again shortly.",
            Extensions = { ["code"] = code },
        };
    }

    private static string JsonName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
