using ItqanRecording.Infrastructure.Jobs;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Tests.Jobs;

public sealed class ReliabilityOptionsTests
{
    [Fact]
    public void Without_settings_waiting_events_are_pruned_hourly_after_seven_days_a_thousand_at_a_time()
    {
        using var provider = Provider(new Dictionary<string, string?>());

        var options = provider.GetRequiredService<IOptions<ReliabilityOptions>>().Value;

        options.PendingEventPruneInterval.Should().Be(TimeSpan.FromHours(1));
        options.PendingEventMaxAge.Should().Be(TimeSpan.FromDays(7));
        options.PendingEventPruneBatchSize.Should().Be(1000);
    }

    [Theory]
    [InlineData("PendingEventPruneBatchSize", "0")]
    [InlineData("PendingEventPruneBatchSize", "-5")]
    [InlineData("PendingEventMaxAge", "00:00:00")]
    [InlineData("PendingEventPruneInterval", "-00:01:00")]
    public void A_pruning_setting_that_is_not_positive_fails_start_up_naming_it(string key, string value)
    {
        using var provider = Provider(new Dictionary<string, string?> { [$"Reliability:{key}"] = value });

        var validate = () => provider.GetRequiredService<IStartupValidator>().Validate();

        validate.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().ContainSingle().Which.Should().Contain($"Reliability:{key}");
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging();
        // The jobs' per-kind limits need the kinds the API registers.
        foreach (var kind in SessionKindServiceCollectionExtensions.BuiltIn())
        {
            services.AddSessionKind(kind);
        }

        services.AddRecordingJobs(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
