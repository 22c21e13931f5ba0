using ItqanRecording.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Api.Tests.Platform;

/// <summary>
/// Recording settings LiveKit would refuse fail the API's start-up check, naming the key, instead of failing a Start;
/// so does any setting out of its range, in every settings class.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RecordingOptionsStartupTests(ApiFixture api)
{
    [Theory]
    [InlineData("Recording:Quran:EncodingPreset", "H264_720P_3O", "Recording:Quran:EncodingPreset")]
    [InlineData("Recording:Interactive:Layout", "gird", "Recording:Interactive:Layout")]
    [InlineData("Recording:Academic:Format", "Ogg", "Recording:Academic:Format")]
    public void A_setting_LiveKit_would_refuse_fails_the_start_up_check_naming_the_key(string key, string value, string named)
    {
        var validate = StartUpCheckWith(key, value);

        validate.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Contain(named);
    }

    [Theory]
    [InlineData("Auth:LoginRateLimit:PermitLimit", "0")]
    [InlineData("Auth:LoginRateLimit:Window", "2.00:00:00")]
    [InlineData("Storage:SignedLinkLifetime", "00:00:00")]
    [InlineData("Recording:MaxDuration:Quran", "00:00:00")]
    [InlineData("Reliability:ShutdownTimeout", "-00:00:01")]
    [InlineData("LiveKit:RequestTimeout", "00:00:00")]
    public void A_setting_out_of_range_fails_the_start_up_check_naming_the_key_and_its_variable(string key, string value)
    {
        var validate = StartUpCheckWith(key, value);

        validate.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Contain(key).And.Contain(key.Replace(":", "__", StringComparison.Ordinal));
    }

    private Action StartUpCheckWith(string key, string value) => StartupCheck.With(api, key, value);
}
