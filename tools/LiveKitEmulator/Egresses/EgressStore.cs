using System.Collections.Concurrent;

namespace ItqanRecording.LiveKitEmulator.Egresses;

/// <summary>All egress the emulated server holds (ended ones too), and how many Start and Stop calls it received.</summary>
public sealed class EgressStore
{
    private readonly ConcurrentDictionary<string, Egress> _egress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _stopCalls = new(StringComparer.Ordinal);
    private long _startCalls;
    private long _sequence;

    public long StartCalls => Interlocked.Read(ref _startCalls);

    public void CountStartCall() => Interlocked.Increment(ref _startCalls);

    /// <summary>Counts a StopEgress call for <paramref name="egressId"/>, whether it succeeded or not.</summary>
    public void CountStopCall(string egressId) => _stopCalls.AddOrUpdate(egressId, 1, (_, calls) => calls + 1);

    public int StopCallsOf(string egressId) => _stopCalls.GetValueOrDefault(egressId);

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(Egress egress) => _egress[egress.Id] = egress;

    public Egress? Find(string egressId) => _egress.GetValueOrDefault(egressId);

    public bool Remove(string egressId) => _egress.TryRemove(egressId, out _);

    public IReadOnlyList<Egress> All() => [.. _egress.Values.OrderBy(e => e.Sequence)];

    public void Clear()
    {
        _egress.Clear();
        _stopCalls.Clear();
        Interlocked.Exchange(ref _startCalls, 0);
    }
}
