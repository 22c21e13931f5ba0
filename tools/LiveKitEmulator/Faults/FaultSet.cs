namespace ItqanRecording.LiveKitEmulator.Faults;

/// <summary>Answer a Twirp call with this Twirp error, <see cref="Times"/> times (null: until the faults change).</summary>
public sealed record TwirpFault(string Code, string Msg, int? Times = null);

/// <summary>Answer a Twirp call with a non-Twirp response: any status, plain-text body.</summary>
public sealed record RawFault(int Status, string Body, int? Times = null);

/// <summary>The fault set posted to <c>POST /_emulator/faults</c>. Everything omitted is off.</summary>
public sealed record FaultSet
{
    public static readonly FaultSet None = new();

    public TwirpFault? FailStart { get; init; }

    public RawFault? FailStartRaw { get; init; }

    /// <summary>Delay before Start answers. The egress is created first, as when a slow answer makes a client time out.</summary>
    public int StartDelayMs { get; init; }

    /// <summary>
    /// Delay before Start reaches the egress service (held up on its way): the egress is created only then, even if
    /// the client has given up waiting, as when a Start arrives after the client's timeout.
    /// </summary>
    public int StartArrivesAfterMs { get; init; }

    public TwirpFault? FailStop { get; init; }

    public RawFault? FailStopRaw { get; init; }

    /// <summary>Delay before Stop answers; the stop itself takes effect at once.</summary>
    public int StopDelayMs { get; init; }

    public TwirpFault? FailList { get; init; }

    public RawFault? FailListRaw { get; init; }

    /// <summary>New egress stay <c>EGRESS_STARTING</c> (nobody publishing); Stop then aborts them.</summary>
    public bool HoldStarting { get; init; }

    /// <summary>Delay before each webhook is sent; holds up later events of the same egress or room.</summary>
    public int WebhookDelayMs { get; init; }

    /// <summary>Event names never sent, e.g. <c>egress_ended</c>.</summary>
    public IReadOnlyList<string> DropWebhooks { get; init; } = [];

    /// <summary>Extra copies of every webhook, sent concurrently with the same id, token and bytes.</summary>
    public int DuplicateWebhooks { get; init; }

    /// <summary>Hold <c>egress_started</c>/<c>egress_updated</c> and send them after the egress's <c>egress_ended</c>.</summary>
    public bool ReorderWebhooks { get; init; }

    /// <summary>Writing the file fails: the egress ends <c>EGRESS_FAILED</c>, error code 500.</summary>
    public bool FailFileWrite { get; init; }

    /// <summary>
    /// An egress that becomes active while set is cut this long after: it ends <c>EGRESS_LIMIT_REACHED</c> (error
    /// <c>Session limit reached</c>, 413) with its file up to then, as at LiveKit's <c>file_output_max_duration</c>
    /// (LiveKit Cloud: 3 h). 0: no limit.
    /// </summary>
    public int FileOutputLimitMs { get; init; }

    public IEnumerable<string> Problems()
    {
        foreach (var (name, fault) in new[] { ("failStart", FailStart), ("failStop", FailStop), ("failList", FailList) })
        {
            if (fault is not null && !Twirp.TwirpError.IsKnownCode(fault.Code))
            {
                yield return $"{name}.code \"{fault.Code}\" is not a Twirp error code";
            }
        }

        foreach (var (name, fault) in new[] { ("failStartRaw", FailStartRaw), ("failStopRaw", FailStopRaw), ("failListRaw", FailListRaw) })
        {
            if (fault is not null && fault.Status is < 100 or > 599)
            {
                yield return $"{name}.status must be an HTTP status code";
            }
        }

        if (StartDelayMs < 0 || StartArrivesAfterMs < 0 || StopDelayMs < 0 || WebhookDelayMs < 0 || DuplicateWebhooks < 0
            || FileOutputLimitMs < 0)
        {
            yield return "delays and duplicateWebhooks must not be negative";
        }
    }
}
