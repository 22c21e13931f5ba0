using ItqanRecording.LiveKitEmulator.Protocol;

namespace ItqanRecording.LiveKitEmulator.Egresses;

public enum StopOutcome
{
    /// <summary>Was recording: now <c>EGRESS_ENDING</c>, the file follows.</summary>
    Ending,

    /// <summary>Was still starting: now <c>EGRESS_ABORTED</c>, no file.</summary>
    Aborted,

    /// <summary>Already ending or ended: the stop is refused.</summary>
    Refused,
}

/// <summary>
/// One room-composite egress and its state machine. Every change goes through <see cref="MoveTo"/>, which
/// consults one table of allowed moves and tells the observer, so events leave in the order changes happen.
/// </summary>
public sealed class Egress
{
    public const string EndReasonApi = "StopEgress API";
    public const string EndReasonSourceClosed = "Source closed";
    public const string MsgStoppedBeforeStarted = "Stop called before pipeline could start";

    /// <summary>LiveKit's error, and end reason, of an egress cut at its time limit (<c>file_output_max_duration</c>).</summary>
    public const string MsgLimitReached = "Session limit reached";

    private static readonly Dictionary<EgressStatus, EgressStatus[]> AllowedMoves = new()
    {
        [EgressStatus.Starting] = [EgressStatus.Active, EgressStatus.Ending, EgressStatus.Aborted, EgressStatus.Failed],
        [EgressStatus.Active] = [EgressStatus.Ending, EgressStatus.Failed],
        [EgressStatus.Ending] = [EgressStatus.Complete, EgressStatus.LimitReached, EgressStatus.Failed],
    };

    private readonly Lock _sync = new();
    private readonly IEgressObserver _observer;
    private EgressSnapshot _state;

    private Egress(EgressSnapshot initial, long sequence, IEgressObserver observer)
    {
        _state = initial;
        Sequence = sequence;
        _observer = observer;
    }

    public string Id => _state.EgressId;

    public string RoomName => _state.Room.Name;

    /// <summary>Creation order, for listings.</summary>
    public long Sequence { get; }

    public static Egress Start(
        string egressId,
        Room room,
        ProtoMessage request,
        bool sdkSource,
        FileOutputPlan output,
        DateTimeOffset now,
        long sequence,
        IEgressObserver observer)
    {
        var file = new FileResult(output.FilenameKnownAtStart ? output.Filename : "");
        var initial = new EgressSnapshot(
            egressId, room, request, sdkSource, output, EgressStatus.Starting, now, StartedAt: null, EndingAt: null,
            EndedAt: null, Details: "", Error: "", ErrorCode: 0, file, ManifestLocation: "", Silenced: false, CutAtLimit: false);
        var egress = new Egress(initial, sequence, observer);
        lock (egress._sync)
        {
            observer.OnChanged(initial, created: true);
        }

        return egress;
    }

    public EgressSnapshot Snapshot()
    {
        lock (_sync)
        {
            return _state;
        }
    }

    /// <summary>The template's start signal: media starts reaching the file.</summary>
    public bool TryActivate(DateTimeOffset now) => MoveTo(EgressStatus.Active, now, s => s with
    {
        StartedAt = now,
        File = s.File with { Filename = s.Output.Filename, StartedAt = now },
    });

    /// <summary>StopEgress: an active egress starts ending; one that never started is aborted.</summary>
    public (StopOutcome Outcome, EgressSnapshot Snapshot) Stop(DateTimeOffset now)
    {
        lock (_sync)
        {
            var outcome = _state.Status switch
            {
                EgressStatus.Starting => MoveTo(EgressStatus.Aborted, now, s => s with
                {
                    EndedAt = now,
                    Error = MsgStoppedBeforeStarted,
                    ErrorCode = StatusCodes.Status412PreconditionFailed,
                }) ? StopOutcome.Aborted : StopOutcome.Refused,
                EgressStatus.Active => TryBeginEnding(now, EndReasonApi) ? StopOutcome.Ending : StopOutcome.Refused,
                _ => StopOutcome.Refused,
            };
            return (outcome, _state);
        }
    }

    /// <summary>The recording ends for <paramref name="reason"/>; the file is then finalised.</summary>
    public bool TryBeginEnding(DateTimeOffset now, string reason) =>
        MoveTo(EgressStatus.Ending, now, s => s with { EndingAt = now, Details = $"End reason: {reason}" });

    /// <summary>
    /// An active egress reached its time limit: it ends like a stopped one, and its file, finalised up to the limit,
    /// completes it as <c>EGRESS_LIMIT_REACHED</c> (<see cref="TryComplete"/>).
    /// </summary>
    public bool TryReachLimit(DateTimeOffset now)
    {
        lock (_sync)
        {
            return _state.Status == EgressStatus.Active
                && MoveTo(EgressStatus.Ending, now, s => s with { EndingAt = now, Details = $"End reason: {MsgLimitReached}", CutAtLimit = true });
        }
    }

    public bool TryComplete(DateTimeOffset now, FileResult file, string manifestLocation)
    {
        lock (_sync)
        {
            return _state.CutAtLimit
                ? MoveTo(EgressStatus.LimitReached, now, s => s with
                {
                    EndedAt = now,
                    File = file,
                    ManifestLocation = manifestLocation,
                    Error = MsgLimitReached,
                    ErrorCode = StatusCodes.Status413PayloadTooLarge,
                })
                : MoveTo(EgressStatus.Complete, now, s => s with { EndedAt = now, File = file, ManifestLocation = manifestLocation });
        }
    }

    public bool TryFail(DateTimeOffset now, string error, int errorCode) =>
        MoveTo(EgressStatus.Failed, now, s => s with
        {
            EndedAt = now,
            Error = error,
            ErrorCode = errorCode,
            Details = "End reason: Failure",
        });

    /// <summary>From now on this egress's changes send no webhooks (a lost webhook, for tests).</summary>
    public void Silence()
    {
        lock (_sync)
        {
            _state = _state with { Silenced = true };
        }
    }

    private bool MoveTo(EgressStatus target, DateTimeOffset now, Func<EgressSnapshot, EgressSnapshot> change)
    {
        lock (_sync)
        {
            if (!AllowedMoves.TryGetValue(_state.Status, out var targets) || !targets.Contains(target))
            {
                return false;
            }

            _state = change(_state) with { Status = target, UpdatedAt = now };
            _observer.OnChanged(_state, created: false);
            return true;
        }
    }
}
