using System.Net;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Infrastructure.LiveKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Tests.LiveKit;

public sealed class LiveKitServiceCollectionExtensionsTests
{
    [Fact]
    public void Missing_settings_fail_start_up_naming_each_one()
    {
        using var provider = Provider(new Dictionary<string, string?>());

        var validate = () => provider.GetRequiredService<IStartupValidator>().Validate();

        validate.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().HaveCount(3)
            .And.Contain(f => f.Contains("LiveKit:Url"))
            .And.Contain(f => f.Contains("LiveKit:ApiKey"))
            .And.Contain(f => f.Contains("LiveKit:ApiSecret"));
    }

    [Theory]
    [InlineData("ftp://livekit.example.com", "LiveKit:Url")]
    [InlineData("livekit.example.com", "LiveKit:Url")]
    [InlineData(null, "LiveKit:RequestTimeout")]
    public void Invalid_settings_fail_start_up(string? url, string setting)
    {
        using var provider = Provider(Settings(url ?? "https://livekit.example.com", timeout: url is null ? "00:00:00" : null));

        var validate = () => provider.GetRequiredService<IStartupValidator>().Validate();

        validate.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Contain(setting);
    }

    [Theory]
    [InlineData("ws://localhost:7880", "http://localhost:7880/")]
    [InlineData("wss://livekit.example.com", "https://livekit.example.com/")]
    [InlineData("https://livekit.example.com/", "https://livekit.example.com/")]
    [InlineData("http://proxy.example.com:8080/livekit", "http://proxy.example.com:8080/livekit/")]
    public void Websocket_and_http_urls_map_to_the_http_base_address(string url, string expected)
    {
        LiveKitOptions.ToHttpBaseAddress(url).Should().Be(new Uri(expected));
    }

    [Fact]
    public async Task Registered_egress_client_calls_the_configured_server_over_http()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.OK, """{"items":[]}""");
        using var provider = Provider(Settings("wss://livekit.example.com/lk"), services =>
            services.AddHttpClient<IEgressClient, TwirpEgressClient>().ConfigurePrimaryHttpMessageHandler(() => handler));

        await provider.GetRequiredService<IEgressClient>().ListEgressAsync(new EgressListFilter(), CancellationToken.None);

        handler.Requests.Single().Uri.Should().Be(new Uri("https://livekit.example.com/lk/twirp/livekit.Egress/ListEgress"));
    }

    [Fact]
    public async Task Registered_egress_client_uses_the_configured_request_timeout()
    {
        using var provider = Provider(Settings("http://livekit.test", timeout: "00:00:00.2"), services =>
            services.AddHttpClient<IEgressClient, TwirpEgressClient>().ConfigurePrimaryHttpMessageHandler(() => new NeverAnswers()));

        var list = () => provider.GetRequiredService<IEgressClient>().ListEgressAsync(new EgressListFilter(), CancellationToken.None);

        (await list.Should().ThrowAsync<EgressException>()).Which.Failure.Should().Be(EgressFailure.Timeout);
    }

    [Fact]
    public void Registered_webhook_receiver_verifies_with_the_configured_key()
    {
        var vector = LiveKitFixtures.SignedWebhooks()[0];
        using var provider = Provider(Settings("http://livekit.test"));

        var webhook = provider.GetRequiredService<ILiveKitWebhookReceiver>()
            .Receive(vector.Authorization, System.Text.Encoding.UTF8.GetBytes(vector.Body));

        webhook.Id.Should().NotBeEmpty();
    }

    private static Dictionary<string, string?> Settings(string url, string? timeout = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LiveKit:Url"] = url,
            ["LiveKit:ApiKey"] = LiveKitFixtures.ApiKey,
            ["LiveKit:ApiSecret"] = LiveKitFixtures.ApiSecret,
        };
        if (timeout is not null)
        {
            settings["LiveKit:RequestTimeout"] = timeout;
        }

        return settings;
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLiveKit(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private sealed class NeverAnswers : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
