using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Net.Http.Headers;

namespace ItqanRecording.Api.Http;

/// <summary>
/// What a request under the API's prefixes that no endpoint took gets: 405 (with <c>Allow</c>) when its path is an
/// endpoint's but not its method, 415 when path and method fit but the body's content type does not, else 404. The
/// SPA's catch-all fallback would otherwise answer all three as "no endpoint".
/// </summary>
public static class UnmatchedRequest
{
    public static ProblemHttpResult Problem(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        var candidates = http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not null && Matches(endpoint.RoutePattern, request.Path))
            .ToList();

        var sameMethod = candidates
            .Where(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (candidates.Count > 0 && sameMethod.Count == 0)
        {
            var allowed = candidates.SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods).Distinct().Order(StringComparer.Ordinal);
            http.Response.Headers[HeaderNames.Allow] = string.Join(", ", allowed);
            return Answer(StatusCodes.Status405MethodNotAllowed, "http.method_not_allowed", $"{request.Method} is not allowed on {request.Path}.");
        }

        var accepted = sameMethod.Select(endpoint => endpoint.Metadata.GetMetadata<IAcceptsMetadata>()).OfType<IAcceptsMetadata>().ToList();
        if (sameMethod.Count > 0 && accepted.Count == sameMethod.Count)
        {
            var types = accepted.SelectMany(metadata => metadata.ContentTypes).Distinct(StringComparer.OrdinalIgnoreCase);
            return Answer(
                StatusCodes.Status415UnsupportedMediaType,
                "http.unsupported_media_type",
                $"{request.Method} {request.Path} takes a body of type {string.Join(" or ", types)}, not '{request.ContentType}'.");
        }

        return Answer(StatusCodes.Status404NotFound, "http.not_found", $"There is no endpoint at {request.Method} {request.Path}.");
    }

    private static ProblemHttpResult Answer(int status, string code, string detail) =>
        TypedResults.Problem(statusCode: status, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static bool Matches(RoutePattern pattern, PathString path) =>
        pattern.Parameters.All(parameter => !parameter.IsCatchAll)
        && new TemplateMatcher(new RouteTemplate(pattern), []).TryMatch(path, []);
}
