using ItqanRecording.LiveKitEmulator.Egresses;
using ItqanRecording.LiveKitEmulator.Protocol;

namespace ItqanRecording.LiveKitEmulator.Twirp;

/// <summary>
/// <c>/twirp/livekit.Egress/{Method}</c>, in the order the LiveKit server checks things: auth middleware
/// (plain-text 401), Twirp routing (POST only, known method, JSON content type), request decoding, then the
/// method itself, which needs the <c>roomRecord</c> grant.
/// </summary>
public static class TwirpEndpoints
{
    private const string Service = "livekit.Egress";

    private sealed record TwirpMethod(ProtoMessageType RequestType, Func<EgressService, ProtoMessage, CancellationToken, Task<TwirpOutcome>> Invoke);

    private static readonly Dictionary<string, TwirpMethod> Methods = new(StringComparer.Ordinal)
    {
        ["StartRoomCompositeEgress"] = new(LiveKitSchema.RoomCompositeEgressRequest, (s, r, ct) => s.StartRoomCompositeAsync(r, ct)),
        ["StopEgress"] = new(LiveKitSchema.StopEgressRequest, (s, r, ct) => s.StopAsync(r, ct)),
        ["ListEgress"] = new(LiveKitSchema.ListEgressRequest, (s, r, _) => Task.FromResult(s.List(r))),
    };

    public static IEndpointRouteBuilder MapTwirp(this IEndpointRouteBuilder app)
    {
        app.Map("/twirp/{**route}", HandleAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, TwirpAuth auth, EgressService egress, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TwirpEndpoints));
        var request = context.Request;
        var path = request.Path.Value!;
        var authResult = await auth.AuthenticateAsync(request);
        if (authResult.Rejection is { } rejection)
        {
            logger.LogInformation("Twirp {Path} refused by auth: {Rejection}", path, rejection);
            return Results.Text(rejection + "\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return Fail(TwirpError.BadRoute($"unsupported method \"{request.Method}\" (only POST is allowed)", request.Method, path));
        }

        if (!TryRoute(path, out var method))
        {
            return Fail(TwirpError.BadRoute($"no handler for path \"{path}\"", request.Method, path));
        }

        var contentType = request.Headers.ContentType.ToString();
        if (MediaType(contentType) != "application/json")
        {
            return Fail(TwirpError.BadRoute($"unexpected Content-Type: \"{contentType}\"", request.Method, path));
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var read = ProtoJsonReader.Read(body.ToArray(), method.RequestType);
        if (read.Error is { } error)
        {
            logger.LogInformation("Twirp {Path} request refused: {Kind} {Detail}", path, error.Kind, error.Detail);
            return Fail(error.Kind == ProtoJsonErrorKind.Malformed
                ? TwirpError.Malformed(error.Detail)
                : TwirpError.InvalidArgument(error.Detail, error.Path));
        }

        if (!authResult.CanRecord)
        {
            return Fail(TwirpError.Unauthenticated("permissions denied"));
        }

        var outcome = await method.Invoke(egress, read.Message!, context.RequestAborted);
        return outcome.ToHttpResult();
    }

    private static bool TryRoute(string path, out TwirpMethod method)
    {
        method = null!;
        var parts = path["/twirp/".Length..].Split('/');
        return parts.Length == 2 && parts[0] == Service && Methods.TryGetValue(parts[1], out method!);
    }

    /// <summary>Twirp's check: the text before any ';', trimmed and lowercased.</summary>
    private static string MediaType(string contentType)
    {
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    private static IResult Fail(TwirpError error) => TwirpOutcome.ToHttpResult(error);
}
