using System.Text;
using ItqanRecording.LiveKitEmulator.Protocol;

namespace ItqanRecording.LiveKitEmulator.Twirp;

/// <summary>A non-Twirp failure, like one a proxy in front of LiveKit returns: any status, plain-text body.</summary>
public sealed record RawFailure(int Status, string Body);

/// <summary>What a Twirp method produced: a response message, a Twirp error, or a raw HTTP failure.</summary>
public sealed record TwirpOutcome
{
    private TwirpOutcome()
    {
    }

    public ProtoMessage? Response { get; private init; }

    public TwirpError? Error { get; private init; }

    public RawFailure? Raw { get; private init; }

    public static TwirpOutcome Ok(ProtoMessage response) => new() { Response = response };

    public static TwirpOutcome Fail(TwirpError error) => new() { Error = error };

    public static TwirpOutcome Fail(RawFailure raw) => new() { Raw = raw };

    public IResult ToHttpResult() => (Response, Error, Raw) switch
    {
        ({ } response, _, _) => new BodyResult(StatusCodes.Status200OK, "application/json", ProtoJsonWriter.Write(response, ProtoJsonStyle.TwirpResponse)),
        (_, { } error, _) => ToHttpResult(error),
        (_, _, { } raw) => new BodyResult(raw.Status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(raw.Body)),
        _ => throw new InvalidOperationException("An outcome holds a response or a failure."),
    };

    public static IResult ToHttpResult(TwirpError error) => new BodyResult(error.HttpStatus, "application/json", error.ToJson());

    /// <summary>Exact bytes with an exact Content-Type (no charset added), as Twirp writes them.</summary>
    private sealed class BodyResult(int status, string contentType, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = contentType;
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}
