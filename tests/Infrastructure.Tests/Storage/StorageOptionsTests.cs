using ItqanRecording.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Tests.Storage;

/// <summary>Storage settings are checked at start-up, and each failure names the setting to fix.</summary>
public sealed class StorageOptionsTests
{
    private static readonly Dictionary<string, string?> ObjectStore = new()
    {
        ["Storage:RootPath"] = "/srv/recordings",
        ["Storage:Provider"] = "S3",
        ["Storage:S3:ServiceUrl"] = "http://127.0.0.1:7480",
        ["Storage:S3:Bucket"] = "academy-recordings",
        ["Storage:S3:AccessKey"] = "APIKEY",
        ["Storage:S3:SecretKey"] = "api-secret",
        ["Storage:S3:Egress:AccessKey"] = "EGRESSKEY",
        ["Storage:S3:Egress:SecretKey"] = "egress-secret",
    };

    [Fact]
    public void A_complete_object_store_passes_with_a_prefix_and_a_link_lifetime_by_default()
    {
        using var provider = Provider(ObjectStore);

        provider.GetRequiredService<IStartupValidator>().Validate();

        var s3 = provider.GetRequiredService<IOptions<StorageOptions>>().Value.S3!;
        s3.KeyPrefix.Should().Be("recordings/");
        s3.PresignedUrlLifetime.Should().Be(TimeSpan.FromMinutes(15));
        s3.UploadPartMebibytes.Should().Be(64);
    }

    [Fact]
    public void The_S3_provider_without_an_object_store_fails_start_up_naming_the_section()
    {
        using var provider = Provider(new() { ["Storage:RootPath"] = "/srv/recordings", ["Storage:Provider"] = "S3" });

        FailuresOf(provider).Should().ContainSingle().Which.Should().Contain("Storage:S3");
    }

    [Theory]
    [InlineData("Storage:S3:Bucket", "Not_A_Bucket")]
    [InlineData("Storage:S3:Bucket", "")]
    [InlineData("Storage:S3:KeyPrefix", "/recordings")]
    [InlineData("Storage:S3:KeyPrefix", "recordings")]
    [InlineData("Storage:S3:KeyPrefix", "a/../b/")]
    [InlineData("Storage:S3:ServiceUrl", "ftp://store.example")]
    [InlineData("Storage:S3:SecretKey", "")]
    [InlineData("Storage:S3:Egress:SecretKey", "")]
    [InlineData("Storage:S3:PresignedUrlLifetime", "00:00:01")]
    [InlineData("Storage:S3:UploadPartMebibytes", "4")]
    [InlineData("Storage:S3:UploadPartMebibytes", "5121")]
    [InlineData("Storage:S3:UploadTimeout", "00:00:01")]
    [InlineData("Storage:S3:AcceleratedRedirectPrefix", "_recording-objects")]
    public void A_wrong_object_store_setting_fails_start_up_naming_it(string key, string value)
    {
        using var provider = Provider(new(ObjectStore) { [key] = value });

        FailuresOf(provider).Should().Contain(failure => failure.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void An_object_store_without_upload_credentials_for_the_egress_fails_start_up()
    {
        var settings = new Dictionary<string, string?>(ObjectStore);
        settings.Remove("Storage:S3:Egress:AccessKey");
        settings.Remove("Storage:S3:Egress:SecretKey");
        using var provider = Provider(settings);

        FailuresOf(provider).Should().Contain(failure => failure.Contains("Storage:S3:Egress", StringComparison.Ordinal));
    }

    private static IEnumerable<string> FailuresOf(ServiceProvider provider)
    {
        var validate = () => provider.GetRequiredService<IStartupValidator>().Validate();
        return validate.Should().Throw<OptionsValidationException>().Which.Failures;
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        return services.BuildServiceProvider();
    }
}
