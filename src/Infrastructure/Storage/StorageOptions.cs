using System.ComponentModel.DataAnnotations;
using ItqanRecording.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Storage;

/// <summary>
/// Section <c>Storage</c>: where recording files live for the API, the prefix the egress writes under, and how long
/// links to the files last.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Absolute folder on the API's machine holding recording files (Storage__RootPath).</summary>
    [Required(ErrorMessage = "Storage:RootPath (env Storage__RootPath) must name the folder that holds recording files.")]
    public string RootPath { get; set; } = string.Empty;

    /// <summary>The folder the LiveKit egress writes to, as the egress sees it, e.g. <c>/recordings</c> (Storage__EgressPathPrefix).</summary>
    [Required(ErrorMessage = "Storage:EgressPathPrefix (env Storage__EgressPathPrefix) must name the egress's output folder, e.g. /recordings.")]
    public string EgressPathPrefix { get; set; } = "/recordings";

    /// <summary>
    /// The internal nginx location that sends recording files, e.g. <c>/_recording-files/</c>
    /// (Storage__AcceleratedRedirectPrefix; deploy/nginx/itqan-recording.conf). When set, the stream and download
    /// endpoints authorise as always and answer with <c>X-Accel-Redirect: {prefix}{escaped path below RootPath}</c> and
    /// no body, for nginx to send the file; unset (the default), the API sends files itself.
    /// </summary>
    [RegularExpression(
        "^(/[A-Za-z0-9._~-]+)+/$",
        ErrorMessage = "Storage:AcceleratedRedirectPrefix (env Storage__AcceleratedRedirectPrefix) must be an nginx location path such as /_recording-files/.")]
    public string? AcceleratedRedirectPrefix { get; set; }

    /// <summary>How long a signed link to stream or download a recording stays valid (Storage__SignedLinkLifetime).</summary>
    [SettingRange("00:00:01", "1.00:00:00", ErrorMessage = "Storage:SignedLinkLifetime (env Storage__SignedLinkLifetime) must lie between 00:00:01 and 1.00:00:00.")]
    public TimeSpan SignedLinkLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Checks <see cref="StorageOptions"/> at start-up, naming each setting that is missing or invalid.</summary>
[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
