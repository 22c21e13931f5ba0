using System.ComponentModel.DataAnnotations;
using ItqanRecording.Application.Common.Options;
using ItqanRecording.Domain.Recordings;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Storage;

/// <summary>
/// Section <c>Storage</c>: where new recording files go (<see cref="Provider"/>), the local folder and the prefix the
/// egress writes under, the object store (<see cref="S3"/>), and how long links to the files last.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Where new recordings are written (Storage__Provider): <c>Local</c> (the default: the folder below) or <c>S3</c>
    /// (the object store of <see cref="S3"/>). Files keep the storage they were written to; the local folder stays the
    /// home of older files until <c>migrate-storage</c> moves them.
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Local;

    /// <summary>The S3-compatible object store (Storage__S3__*); required when <see cref="Provider"/> is <c>S3</c>.</summary>
    [ValidateObjectMembers]
    public S3StorageOptions? S3 { get; set; }

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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.S3 && S3 is null)
        {
            yield return new ValidationResult(
                "Storage:Provider is S3, so Storage:S3 (env Storage__S3__Bucket, Storage__S3__AccessKey, …) must describe the object store.");
        }
    }
}

/// <summary>
/// Section <c>Storage:S3</c>: an S3-compatible bucket (AWS S3, Ceph RGW, MinIO, Cloudflare R2 …), the API's
/// credentials for it, and the separate credentials LiveKit's egress uploads with.
/// </summary>
public sealed class S3StorageOptions : IValidatableObject
{
    /// <summary>
    /// The store's endpoint as the API reaches it, e.g. <c>https://s3.eu-central-1.amazonaws.com</c> or
    /// <c>http://127.0.0.1:7480</c> (Storage__S3__ServiceUrl). Unset: AWS S3 in <see cref="Region"/>.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The region requests are signed for (Storage__S3__Region); any value for most S3-compatible stores.</summary>
    [Required(ErrorMessage = "Storage:S3:Region (env Storage__S3__Region) is required, e.g. us-east-1.")]
    public string Region { get; set; } = "us-east-1";

    /// <summary>The bucket holding the recordings (Storage__S3__Bucket); it must exist.</summary>
    [RegularExpression(
        "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
        ErrorMessage = "Storage:S3:Bucket (env Storage__S3__Bucket) must be an S3 bucket name: 3 to 63 lower-case letters, digits, dots or dashes.")]
    [Required(ErrorMessage = "Storage:S3:Bucket (env Storage__S3__Bucket) must name the bucket that holds the recordings.")]
    public string Bucket { get; set; } = string.Empty;

    /// <summary>
    /// Where below the bucket the recordings lie (Storage__S3__KeyPrefix): empty, or segments ending in <c>/</c>, e.g.
    /// <c>recordings/</c>. Objects outside it are never accepted from the egress nor served.
    /// </summary>
    [RegularExpression(
        "^([A-Za-z0-9._-]+/)*$",
        ErrorMessage = "Storage:S3:KeyPrefix (env Storage__S3__KeyPrefix) must be empty or folder names each ending in '/', e.g. recordings/.")]
    public string KeyPrefix { get; set; } = "recordings/";

    /// <summary>
    /// Path-style addressing, <c>{endpoint}/{bucket}/{key}</c> (Storage__S3__ForcePathStyle): needed by Ceph RGW
    /// and MinIO without wildcard DNS; AWS and R2 work either way.
    /// </summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>The API's access key (Storage__S3__AccessKey): it reads, checks and deletes objects and signs GET links.</summary>
    [Required(ErrorMessage = "Storage:S3:AccessKey (env Storage__S3__AccessKey) is required.")]
    public string AccessKey { get; set; } = string.Empty;

    /// <summary>The secret paired with <see cref="AccessKey"/> (Storage__S3__SecretKey).</summary>
    [Required(ErrorMessage = "Storage:S3:SecretKey (env Storage__S3__SecretKey) is required.")]
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>
    /// How long a presigned GET the stream and download endpoints redirect to stays valid
    /// (Storage__S3__PresignedUrlLifetime). A player that outlives it asks the API again and gets a new one.
    /// </summary>
    [SettingRange("00:00:10", "7.00:00:00", ErrorMessage = "Storage:S3:PresignedUrlLifetime (env Storage__S3__PresignedUrlLifetime) must lie between 00:00:10 and 7.00:00:00.")]
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The size of the parts a file the API puts into the store goes up in, in MiB (Storage__S3__UploadPartMebibytes;
    /// 5 to 5,120, S3's limits for a part): a file no larger goes up in one PUT. A single PUT takes at most 5 GiB, and a
    /// three-hour class (or its HLS copy) can pass that; a failed part is sent again on its own.
    /// </summary>
    [SettingRange(5, 5120, ErrorMessage = "Storage:S3:UploadPartMebibytes (env Storage__S3__UploadPartMebibytes) must lie between 5 and 5120.")]
    public int UploadPartMebibytes { get; set; } = 64;

    /// <summary>How long one PUT of a file or of a part may take (Storage__S3__UploadTimeout); every other request to the store gets 10 s.</summary>
    [SettingRange("00:00:10", "1.00:00:00", ErrorMessage = "Storage:S3:UploadTimeout (env Storage__S3__UploadTimeout) must lie between 00:00:10 and 1.00:00:00.")]
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The internal nginx location that fetches objects from the store, e.g. <c>/_recording-objects/</c>
    /// (Storage__S3__AcceleratedRedirectPrefix; deploy/nginx/itqan-recording.conf). When set, the stream and download
    /// endpoints answer with <c>X-Accel-Redirect: {prefix}{the presigned URL's path and query}</c> instead of redirecting
    /// the client, and nginx fetches the object (Range and all) from the store: clients never see the store's address,
    /// so it may stay on a private network. Unset (the default), clients are redirected to the presigned URL.
    /// </summary>
    [RegularExpression(
        "^(/[A-Za-z0-9._~-]+)+/$",
        ErrorMessage = "Storage:S3:AcceleratedRedirectPrefix (env Storage__S3__AcceleratedRedirectPrefix) must be an nginx location path such as /_recording-objects/.")]
    public string? AcceleratedRedirectPrefix { get; set; }

    /// <summary>What LiveKit's egress uploads with (Storage__S3__Egress__*), handed to it in every Start request.</summary>
    [Required(ErrorMessage = "Storage:S3:Egress (env Storage__S3__Egress__AccessKey, Storage__S3__Egress__SecretKey) must give the egress its upload credentials.")]
    [ValidateObjectMembers]
    public S3EgressOptions? Egress { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ServiceUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"Storage:S3:ServiceUrl (env Storage__S3__ServiceUrl) '{url}' must be an absolute http or https URL.");
        }

        if (KeyPrefix.Split('/').Any(segment => segment is "." or ".."))
        {
            yield return new ValidationResult($"Storage:S3:KeyPrefix (env Storage__S3__KeyPrefix) '{KeyPrefix}' must not hold '.' or '..' as a folder name.");
        }
    }
}

/// <summary>
/// Section <c>Storage:S3:Egress</c>: credentials for LiveKit's egress, ideally allowed only to put objects below the
/// key prefix, and the endpoint as the egress reaches it when that is not the API's.
/// </summary>
public sealed class S3EgressOptions
{
    [Required(ErrorMessage = "Storage:S3:Egress:AccessKey (env Storage__S3__Egress__AccessKey) is required.")]
    public string AccessKey { get; set; } = string.Empty;

    [Required(ErrorMessage = "Storage:S3:Egress:SecretKey (env Storage__S3__Egress__SecretKey) is required.")]
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>
    /// The endpoint as the egress reaches it (Storage__S3__Egress__ServiceUrl), e.g. a public address when the API
    /// uses a private one. Unset: <see cref="S3StorageOptions.ServiceUrl"/>.
    /// </summary>
    public Uri? ServiceUrl { get; set; }
}

/// <summary>Checks <see cref="StorageOptions"/> at start-up, naming each setting that is missing or invalid.</summary>
[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
