namespace Itqan.Recording.Infrastructure.LiveKit;

/// <summary>How to reach the LiveKit server (configuration section <c>LiveKit</c>).</summary>
public sealed class LiveKitOptions
{
    public const string SectionName = "LiveKit";

    /// <summary>The server's URL: <c>http(s)://</c>, or <c>ws(s)://</c> as given to room clients.</summary>
    public string Url { get; set; } = "";

    /// <summary>The API key; it signs our API tokens and must be the key LiveKit signs webhooks with.</summary>
    public string ApiKey { get; set; } = "";

    public string ApiSecret { get; set; } = "";

    /// <summary>
    /// Limit for one attempt of an Egress API call (the Node SDK's default is 10 s); a retried call may take up to
    /// <see cref="LiveKitResilience.TotalTimeout"/>.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The HTTP origin Twirp calls go to, ending in <c>/</c>, or null when <paramref name="url"/> is not an
    /// absolute http, https, ws or wss URL. Like the Node SDK, <c>ws</c> becomes <c>http</c> and <c>wss</c> <c>https</c>.
    /// </summary>
    public static Uri? ToHttpBaseAddress(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var scheme = uri.Scheme switch
        {
            "http" or "ws" => Uri.UriSchemeHttp,
            "https" or "wss" => Uri.UriSchemeHttps,
            _ => null,
        };
        if (scheme is null)
        {
            return null;
        }

        var builder = new UriBuilder(uri) { Scheme = scheme, Port = uri.IsDefaultPort ? -1 : uri.Port };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }
}
