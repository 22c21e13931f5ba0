using ItqanRecording.LiveKitEmulator.Twirp;

namespace ItqanRecording.LiveKitEmulator.Faults;

public enum FaultPoint
{
    Start,
    Stop,
    List,
}

/// <summary>The faults in force, shared by all requests, with the remaining count of each limited failure.</summary>
public sealed class FaultState
{
    private readonly Lock _sync = new();
    private FaultSet _current = FaultSet.None;
    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);

    public FaultSet Current
    {
        get
        {
            lock (_sync)
            {
                return _current;
            }
        }
    }

    public void Set(FaultSet faults)
    {
        lock (_sync)
        {
            _current = faults;
            _used.Clear();
        }
    }

    public void Reset() => Set(FaultSet.None);

    /// <summary>The failure this call must answer with, if any; a limited failure is used up by one call.</summary>
    public TwirpOutcome? TakeFailure(FaultPoint point)
    {
        lock (_sync)
        {
            var (twirp, raw) = point switch
            {
                FaultPoint.Start => (_current.FailStart, _current.FailStartRaw),
                FaultPoint.Stop => (_current.FailStop, _current.FailStopRaw),
                _ => (_current.FailList, _current.FailListRaw),
            };

            if (raw is not null && Use($"{point}Raw", raw.Times))
            {
                return TwirpOutcome.Fail(new RawFailure(raw.Status, raw.Body));
            }

            return twirp is not null && Use($"{point}", twirp.Times)
                ? TwirpOutcome.Fail(new TwirpError(twirp.Code, twirp.Msg))
                : null;
        }
    }

    private bool Use(string key, int? times)
    {
        if (times is null)
        {
            return true;
        }

        var used = _used.GetValueOrDefault(key);
        if (used >= times)
        {
            return false;
        }

        _used[key] = used + 1;
        return true;
    }
}
