using Amazon.S3;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace ItqanRecording.Api.Tests.ObjectStorage;

/// <summary>
/// The whole stack with recordings in object storage: the API with <c>Storage:Provider=S3</c> on a bucket of the
/// throw-away Ceph RADOS Gateway, and the emulator uploading there as LiveKit's egress does. The egress signs with
/// write-only keys of its own; the API's keys own the bucket. The local folder stays configured, for files from before
/// the move.
/// </summary>
public sealed class ObjectStorageApiFixture : ApiFixture
{
    public const string KeyPrefix = "academy/recordings/";

    private (string AccessKey, string SecretKey) _egressKeys;

    public CephObjectGateway Gateway { get; private set; } = null!;

    public string Bucket { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        Gateway = await CephObjectGateway.SharedAsync();
        Bucket = await Gateway.CreateBucketAsync("recordings");
        _egressKeys = await Gateway.CreateWriteOnlyKeysAsync($"egress-{Guid.NewGuid():N}"[..20]);
        await base.InitializeAsync();
    }

    public AmazonS3Client S3() => Gateway.CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:Provider", "S3");
        builder.UseSetting("Storage:S3:ServiceUrl", Gateway.Endpoint.ToString());
        builder.UseSetting("Storage:S3:Region", CephObjectGateway.Region);
        builder.UseSetting("Storage:S3:Bucket", Bucket);
        builder.UseSetting("Storage:S3:KeyPrefix", KeyPrefix);
        builder.UseSetting("Storage:S3:ForcePathStyle", "true");
        builder.UseSetting("Storage:S3:AccessKey", Gateway.AccessKey);
        builder.UseSetting("Storage:S3:SecretKey", Gateway.SecretKey);
        builder.UseSetting("Storage:S3:PresignedUrlLifetime", "00:01:00");
        builder.UseSetting("Storage:S3:Egress:AccessKey", _egressKeys.AccessKey);
        builder.UseSetting("Storage:S3:Egress:SecretKey", _egressKeys.SecretKey);
    }

}

[CollectionDefinition(Name)]
public sealed class ObjectStorageApiCollection : ICollectionFixture<ObjectStorageApiFixture>
{
    public const string Name = "api-object-storage";
}
