using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ItqanRecording.Infrastructure.LiveKit;

/// <summary>
/// The resilience pipeline around every Egress API call, outermost first: a limit on the whole call, retries with
/// jittered exponential backoff, a circuit breaker, and a limit on each attempt (<c>LiveKit:RequestTimeout</c>).
/// </summary>
/// <remarks>
/// Only <c>StopEgress</c> and <c>ListEgress</c> are ever retried. <c>StartRoomCompositeEgress</c> is not idempotent:
/// LiveKit makes a new egress for every call and a client cannot name it, so a retry after a lost answer or a 503
/// from a proxy can start a second recording of the same room that nobody knows about. A failed Start goes back to
/// the teacher instead, who can press Start again once the first attempt is settled. The retry predicate therefore
/// looks at the Twirp method in the request path and allows the idempotent methods by name, so a Start method added
/// later is excluded without anyone remembering to. The circuit breaker and the time limits do apply to Start: they
/// never send a request twice, they only stop sending to a LiveKit that keeps failing.
/// </remarks>
public static class LiveKitResilience
{
    public const string PipelineName = "livekit-egress";

    /// <summary>Twirp methods that can be sent again without effect beyond the first (a second stop is refused as done).</summary>
    private static readonly string[] IdempotentMethods = ["StopEgress", "ListEgress"];

    public const int MaxRetryAttempts = 2;

    /// <summary>
    /// How long the open circuit refuses calls before one probe is let through. Short, so that Start and Stop work
    /// again within seconds of LiveKit coming back; while LiveKit stays down, it still gets one call per break.
    /// </summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(2);

    /// <summary>The longest one call may take with its retries and their delays.</summary>
    public static TimeSpan TotalTimeout(TimeSpan attemptTimeout) => attemptTimeout * (MaxRetryAttempts + 1) + TimeSpan.FromSeconds(2);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan attemptTimeout)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline
            .AddTimeout(TotalTimeout(attemptTimeout))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = args => ValueTask.FromResult(
                    IsSafeToRetry(args.Context.GetRequestMessage()) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = BreakDuration,
            })
            .AddTimeout(attemptTimeout);
    }

    /// <summary>True for a request to an idempotent Egress method (see the remarks).</summary>
    public static bool IsSafeToRetry(HttpRequestMessage? request)
    {
        var path = request?.RequestUri?.AbsolutePath;
        return path is not null
            && IdempotentMethods.Any(method => path.EndsWith("/livekit.Egress/" + method, StringComparison.Ordinal));
    }
}
