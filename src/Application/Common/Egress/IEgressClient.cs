namespace ItqanRecording.Application.Common.Egress;

/// <summary>The LiveKit Egress API calls the service makes. Failures throw <see cref="EgressException"/>.</summary>
public interface IEgressClient
{
    /// <summary>Starts recording a room. Not idempotent: never retry blindly after a timeout.</summary>
    Task<EgressInfo> StartRoomCompositeEgressAsync(RoomCompositeEgressRequest request, CancellationToken cancellationToken);

    Task<EgressInfo> StopEgressAsync(string egressId, CancellationToken cancellationToken);

    Task<IReadOnlyList<EgressInfo>> ListEgressAsync(EgressListFilter filter, CancellationToken cancellationToken);
}
