using ItqanRecording.Application.Common.Egress;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>
/// An API process that dies the moment LiveKit has answered a Start: the answer goes nowhere, no catch block and no
/// commit runs. Its Egress client passes every call on and, after a successful Start, never returns. The test then
/// ends the instance's database connections, as the death of its process would.
/// </summary>
public sealed class CrashAfterLiveKitStarts
{
    private readonly TaskCompletionSource<EgressInfo> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The egress LiveKit started before the "crash".</summary>
    public Task<EgressInfo> Started => _started.Task;

    /// <summary>Wraps the instance's Egress client (the last one registered) in one that freezes after a Start.</summary>
    public void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IEgressClient));
        services.AddTransient<IEgressClient>(provider => new FreezingClient((IEgressClient)original.ImplementationFactory!(provider), _started));
    }

    private sealed class FreezingClient(IEgressClient inner, TaskCompletionSource<EgressInfo> started) : IEgressClient
    {
        public async Task<EgressInfo> StartRoomCompositeEgressAsync(RoomCompositeEgressRequest request, CancellationToken cancellationToken)
        {
            var info = await inner.StartRoomCompositeEgressAsync(request, cancellationToken);
            started.TrySetResult(info);
            await Task.Delay(Timeout.InfiniteTimeSpan, CancellationToken.None);
            return info;
        }

        public Task<EgressInfo> StopEgressAsync(string egressId, CancellationToken cancellationToken) =>
            inner.StopEgressAsync(egressId, cancellationToken);

        public Task<IReadOnlyList<EgressInfo>> ListEgressAsync(EgressListFilter filter, CancellationToken cancellationToken) =>
            inner.ListEgressAsync(filter, cancellationToken);
    }
}
