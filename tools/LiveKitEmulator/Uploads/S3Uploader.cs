using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ItqanRecording.LiveKitEmulator.Uploads;

/// <summary>
/// Uploads a finished file as livekit/egress does: one signed PUT per object with the request's own credentials,
/// the file's media type, and the request's tagging and content disposition. Failures come back as LiveKit's text
/// (<c>S3 upload failed: …</c>).
/// </summary>
public sealed class S3Uploader(ILogger<S3Uploader> logger)
{
    public async Task<string?> UploadAsync(S3UploadTarget target, string localPath, string key, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            using var client = ClientFor(target);
            var request = new PutObjectRequest
            {
                BucketName = target.Bucket,
                Key = key,
                FilePath = localPath,
                ContentType = contentType,
                // The signed chunk framing would be stored inside the object by some gateways; a plain signed body is what
                // every S3-compatible store reads the same way.
                UseChunkEncoding = false,
            };
            if (target.Tagging.Length > 0)
            {
                request.TagSet = ParseTagging(target.Tagging);
            }

            if (target.ContentDisposition.Length > 0)
            {
                request.Headers.ContentDisposition = target.ContentDisposition;
            }

            await client.PutObjectAsync(request, cancellationToken);
            logger.LogInformation("Uploaded {Key} to bucket {Bucket}", key, target.Bucket);
            return null;
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException)
        {
            return $"S3 upload failed: {e.Message}";
        }
    }

    private static AmazonS3Client ClientFor(S3UploadTarget target)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = target.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (target.Endpoint.Length > 0)
        {
            config.ServiceURL = target.Endpoint;
            config.AuthenticationRegion = target.Region.Length > 0 ? target.Region : "us-east-1";
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(target.Region.Length > 0 ? target.Region : "us-east-1");
        }

        AWSCredentials credentials = target.SessionToken.Length > 0
            ? new SessionAWSCredentials(target.AccessKey, target.Secret, target.SessionToken)
            : new BasicAWSCredentials(target.AccessKey, target.Secret);
        return new AmazonS3Client(credentials, config);
    }

    /// <summary>S3's tagging header form, <c>a=1&amp;b=2</c>.</summary>
    private static List<Tag> ParseTagging(string tagging) =>
        [.. tagging.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new Tag { Key = Uri.UnescapeDataString(parts[0]), Value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "" })];
}
