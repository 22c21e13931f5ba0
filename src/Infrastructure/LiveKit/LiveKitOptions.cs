using System.ComponentModel.DataAnnotations;
using ItqanRecording.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.LiveKit;

/// <summary>How to reach the LiveKit server (configuration section <c>LiveKit</c>), checked at start-up.</summary>
public sealed class LiveKitOptions : IValidatableObject
{
    public const string SectionName = "LiveKit";

    /// <summary>The server's URL: <c>http(s)://</c>, or <c>ws(s)://</c> as given to room clients.</summary>
    [Required(ErrorMessage = "LiveKit:Url (env LiveKit__Url) is required, e.g. https://livekit.example.com or ws://localhost:7880.")]
    public string Url { get; set; } = "";

    /// <summary>The API key; it signs our API tokens and must be the key LiveKit signs webhooks with.</summary>
    [Required(ErrorMessage = "LiveKit:ApiKey (env LiveKit__ApiKey) is required (a key from the LiveKit server's 'keys').")]
    public string ApiKey { get; set; } = "";

    /// <summary>Any non-empty text: LiveKit's secrets are not trimmed.</summary>
    [MinLength(1, ErrorMessage = "LiveKit:ApiSecret (env LiveKit__ApiSecret) is required (the secret paired with LiveKit:ApiKey).")]
    public string ApiSecret { get; set; } = "";

    /// <summary>
    /// Limit for one attempt of an Egress API call (the Node SDK's default is 10 s); a retried call may take up to
    /// <see cref="LiveKitResilience.TotalTimeout"/>.
    /// </summary>
    [SettingRange(SettingRangeAttribute.Zero, SettingRangeAttribute.Longest, MinimumIsExclusive = true,
        ErrorMessage = "LiveKit:RequestTimeout (env LiveKit__RequestTimeout) must be positive.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Url) && ToHttpBaseAddress(Url) is null)
        {
            yield return new ValidationResult($"LiveKit:Url (env LiveKit__Url) '{Url}' must be an absolute http, https, ws or wss URL.");
        }
    }

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

/// <summary>Checks <see cref="LiveKitOptions"/> at start-up and names every missing or invalid setting.</summary>
[OptionsValidator]
public sealed partial class LiveKitOptionsValidator : IValidateOptions<LiveKitOptions>;
