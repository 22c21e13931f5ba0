namespace ItqanRecording.Api.Http;

/// <summary>
/// Every problem response carries a stable <c>code</c>. Use cases give their own (<c>recording.already_active</c>);
/// the ones below are for what the framework answers by itself (routing, authorization, binding, a crash), added by
/// <see cref="AddStableCode"/> to any problem that has none.
/// </summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "request.validation_failed";
    public const string DatabaseUnavailable = "service.database_unavailable";
    public const string StorageUnavailable = "service.storage_unavailable";

    /// <summary>Seconds a client waits before trying again after a 503 that did not say otherwise.</summary>
    public const int DefaultRetryAfterSeconds = 5;

    /// <summary>
    /// Gives a problem without a code the framework's code for its status, and a 503 without <c>Retry-After</c>
    /// the default wait: every outage we can name tells the client when to come back.
    /// </summary>
    public static void AddStableCode(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var response = context.HttpContext.Response;
        if ((problem.Status ?? response.StatusCode) == StatusCodes.Status503ServiceUnavailable && !response.Headers.ContainsKey("Retry-After"))
        {
            response.Headers.RetryAfter = DefaultRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        problem.Extensions["code"] = (problem.Status ?? context.HttpContext.Response.StatusCode) switch
        {
            StatusCodes.Status400BadRequest => problem is HttpValidationProblemDetails ? ValidationFailed : "request.bad_request",
            StatusCodes.Status401Unauthorized => "auth.sign_in_required",
            StatusCodes.Status403Forbidden => "auth.forbidden",
            StatusCodes.Status404NotFound => "http.not_found",
            StatusCodes.Status405MethodNotAllowed => "http.method_not_allowed",
            StatusCodes.Status406NotAcceptable => "http.not_acceptable",
            StatusCodes.Status408RequestTimeout => "request.timeout",
            StatusCodes.Status413PayloadTooLarge => "request.too_large",
            StatusCodes.Status415UnsupportedMediaType => "http.unsupported_media_type",
            StatusCodes.Status429TooManyRequests => "request.too_many",
            StatusCodes.Status503ServiceUnavailable => "service.unavailable",
            >= 500 => "server.error",
            _ => "request.refused",
        };
    }
}
