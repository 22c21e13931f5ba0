using Microsoft.Extensions.Options;

namespace ItqanRecording.LiveKitEmulator;

/// <summary>Settings of the emulator, section <c>Emulator</c> (env vars <c>Emulator__ApiKey</c>, …).</summary>
public sealed class EmulatorOptions
{
    public const string Section = "Emulator";

    /// <summary>The one API key the emulated server knows; tokens must carry it as <c>iss</c>.</summary>
    public string ApiKey { get; set; } = "devkey";

    /// <summary>Its secret: the HS256 key for API tokens and webhook signatures. At least 32 characters.</summary>
    public string ApiSecret { get; set; } = "devsecret-devsecret-devsecret-devsecret";

    /// <summary>Where webhooks are POSTed. Empty: no webhooks are sent.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>The egress-side directory that file paths in requests must lie under.</summary>
    public string OutputPrefix { get; set; } = "/recordings";

    /// <summary>The local directory <see cref="OutputPrefix"/> stands for. Needed before any file output is accepted.</summary>
    public string OutputRoot { get; set; } = "";

    /// <summary>Time between the end of a recording (Stop, room closed) and <c>egress_ended</c>.</summary>
    public int ProcessingDelayMs { get; set; } = 1500;

    /// <summary>Time between Start and <c>EGRESS_ACTIVE</c> (the template's start signal).</summary>
    public int ActivationDelayMs { get; set; } = 200;

    /// <summary>Fixed length of generated media; unset means the time the egress was active.</summary>
    public double? MediaSeconds { get; set; }

    /// <summary>Upper bound of generated media, so ffmpeg stays quick.</summary>
    public double MaxMediaSeconds { get; set; } = 30;

    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Retries after a failed webhook delivery (LiveKit: go-retryablehttp's 4).</summary>
    public int WebhookRetryMax { get; set; } = 4;

    /// <summary>First backoff between webhook tries, doubled each time up to 30 s (LiveKit: 1 s).</summary>
    public int WebhookRetryBaseDelayMs { get; set; } = 1000;

    /// <summary>Timeout of one webhook POST.</summary>
    public int WebhookTimeoutMs { get; set; } = 10_000;
}

public sealed class EmulatorOptionsValidator : IValidateOptions<EmulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, EmulatorOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("Emulator:ApiKey is required.");
        }

        if (options.ApiSecret.Length < 32)
        {
            failures.Add("Emulator:ApiSecret must be at least 32 characters (HS256 key).");
        }

        if (options.WebhookUrl.Length > 0 && !IsHttpUrl(options.WebhookUrl))
        {
            failures.Add("Emulator:WebhookUrl must be an absolute http(s) URL or empty.");
        }

        if (!options.OutputPrefix.StartsWith('/'))
        {
            failures.Add("Emulator:OutputPrefix must be an absolute path such as /recordings.");
        }

        if (options.ProcessingDelayMs < 0 || options.ActivationDelayMs < 0 || options.WebhookRetryMax < 0
            || options.WebhookRetryBaseDelayMs < 0 || options.WebhookTimeoutMs <= 0)
        {
            failures.Add("Emulator delays, timeouts and retry counts must not be negative.");
        }

        if (options.MaxMediaSeconds < 1 || options.MediaSeconds is <= 0)
        {
            failures.Add("Emulator:MaxMediaSeconds must be at least 1 and Emulator:MediaSeconds positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
