using System.Text.Encodings.Web;
using System.Text.Json;

namespace ItqanRecording.LiveKitEmulator.Twirp;

/// <summary>A Twirp error as written on the wire: <c>{"code":..,"msg":..,"meta":{..}}</c>.</summary>
public sealed record TwirpError(string Code, string Msg, IReadOnlyDictionary<string, string>? Meta = null)
{
    // Twirp v8.1.3 ServerHTTPStatusFromErrorCode, the version livekit/livekit pins.
    private static readonly Dictionary<string, int> HttpStatuses = new(StringComparer.Ordinal)
    {
        ["canceled"] = 408,
        ["unknown"] = 500,
        ["invalid_argument"] = 400,
        ["malformed"] = 400,
        ["deadline_exceeded"] = 408,
        ["not_found"] = 404,
        ["bad_route"] = 404,
        ["already_exists"] = 409,
        ["permission_denied"] = 403,
        ["unauthenticated"] = 401,
        ["resource_exhausted"] = 429,
        ["failed_precondition"] = 412,
        ["aborted"] = 409,
        ["out_of_range"] = 400,
        ["unimplemented"] = 501,
        ["internal"] = 500,
        ["unavailable"] = 503,
        ["data_loss"] = 500,
    };

    public int HttpStatus => HttpStatuses[Code];

    public static bool IsKnownCode(string code) => HttpStatuses.ContainsKey(code);

    public static TwirpError BadRoute(string msg, string method, string path) =>
        new("bad_route", msg, new Dictionary<string, string> { ["twirp_invalid_route"] = $"{method} {path}" });

    public static TwirpError InvalidArgument(string msg, string? argument = null) =>
        new("invalid_argument", msg, argument is null ? null : new Dictionary<string, string> { ["argument"] = argument });

    public static TwirpError Malformed(string cause) =>
        new("malformed", "the json request could not be decoded", new Dictionary<string, string> { ["cause"] = cause });

    public static TwirpError NotFound(string msg) => new("not_found", msg);

    public static TwirpError FailedPrecondition(string msg) => new("failed_precondition", msg);

    public static TwirpError Unauthenticated(string msg) => new("unauthenticated", msg);

    public static TwirpError Internal(string msg) => new("internal", msg);

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("code", Code);
            writer.WriteString("msg", Msg);
            if (Meta is { Count: > 0 })
            {
                writer.WriteStartObject("meta");
                foreach (var (key, value) in Meta)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
