using Itqan.Recording.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Itqan.Recording.Api.Tests.Platform;

/// <summary>
/// Recording settings LiveKit would refuse stop the API at start-up, naming the key, instead of failing a Start; so
/// does any setting out of its range, in every settings class.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RecordingOptionsStartupTests(ApiFixture api)
{
    [Theory]
    [InlineData("Recording:Quran:EncodingPreset", "H264_720P_3O", "Recording:Quran:EncodingPreset")]
    [InlineData("Recording:Interactive:Layout", "gird", "Recording:Interactive:Layout")]
    [InlineData("Recording:Academic:Format", "Ogg", "Recording:Academic:Format")]
    public void A_setting_LiveKit_would_refuse_stops_the_api_naming_the_key(string key, string value, string named)
    {
        var start = () =>
        {
            using var instance = api.StartAnotherInstance(builder => builder.UseSetting(key, value));
        };

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Contain(named);
    }

    [Theory]
    [InlineData("Auth:LoginRateLimit:PermitLimit", "0")]
    [InlineData("Auth:LoginRateLimit:Window", "2.00:00:00")]
    [InlineData("Storage:SignedLinkLifetime", "00:00:00")]
    [InlineData("Recording:MaxDuration:Quran", "00:00:00")]
    [InlineData("Reliability:ShutdownTimeout", "-00:00:01")]
    [InlineData("LiveKit:RequestTimeout", "00:00:00")]
    public void A_setting_out_of_range_stops_the_api_naming_the_key_and_its_variable(string key, string value)
    {
        var start = () =>
        {
            using var instance = api.StartAnotherInstance(builder => builder.UseSetting(key, value));
        };

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Contain(key).And.Contain(key.Replace(":", "__", StringComparison.Ordinal));
    }
}
