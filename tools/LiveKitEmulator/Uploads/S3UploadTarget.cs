using ItqanRecording.LiveKitEmulator.Protocol;

namespace ItqanRecording.LiveKitEmulator.Uploads;

/// <summary>A request's <c>S3Upload</c>: where the egress puts the file, signed with these credentials.</summary>
public sealed record S3UploadTarget(
    string AccessKey,
    string Secret,
    string SessionToken,
    string Region,
    string Endpoint,
    string Bucket,
    bool ForcePathStyle,
    string Tagging,
    string ContentDisposition)
{
    public static S3UploadTarget From(ProtoMessage upload) => new(
        upload.GetString("access_key"),
        upload.GetString("secret"),
        upload.GetString("session_token"),
        upload.GetString("region"),
        upload.GetString("endpoint"),
        upload.GetString("bucket"),
        upload.GetBool("force_path_style"),
        upload.GetString("tagging"),
        upload.GetString("content_disposition"));

    /// <summary>
    /// What livekit/egress reports as the file's <c>location</c> after an S3 upload: always the AWS virtual-host URL
    /// (<c>pkg/pipeline/sink/uploader/s3.go</c>), even for another endpoint, so a client must go by the key.
    /// </summary>
    public string LocationOf(string key) => $"https://{Bucket}.s3.amazonaws.com/{key}";

    /// <summary>Why LiveKit would refuse this target at Start, or null.</summary>
    public string? Problem() =>
        Bucket.Length == 0 ? "request has missing or invalid field: output.s3.bucket"
        : Endpoint.Length > 0 && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _) ? "request has missing or invalid field: output.s3.endpoint"
        : null;
}
