using Microsoft.Extensions.Options;

namespace Itqan.Recording.Infrastructure.LiveKit;

/// <summary>Checks <see cref="LiveKitOptions"/> at start-up and names every missing or invalid setting.</summary>
public sealed class LiveKitOptionsValidator : IValidateOptions<LiveKitOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveKitOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            failures.Add("LiveKit:Url is required, e.g. https://livekit.example.com or ws://localhost:7880.");
        }
        else if (LiveKitOptions.ToHttpBaseAddress(options.Url) is null)
        {
            failures.Add($"LiveKit:Url '{options.Url}' must be an absolute http, https, ws or wss URL.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("LiveKit:ApiKey is required (a key from the LiveKit server's 'keys').");
        }

        if (string.IsNullOrEmpty(options.ApiSecret))
        {
            failures.Add("LiveKit:ApiSecret is required (the secret paired with LiveKit:ApiKey).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"LiveKit:RequestTimeout must be positive, not {options.RequestTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
