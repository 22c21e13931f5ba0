namespace ItqanRecording.Application.Common.Egress;

/// <summary>How a call to LiveKit failed, as far as our callers care.</summary>
public enum EgressFailure
{
    /// <summary>LiveKit answered with a 4xx (bad request, not found, failed precondition, auth).</summary>
    Rejected,

    /// <summary>LiveKit answered 5xx or could not be reached.</summary>
    Unavailable,

    /// <summary>No answer in time.</summary>
    Timeout,
}

/// <summary>A failed LiveKit call. <see cref="TwirpCode"/> is Twirp's error code when the server sent one.</summary>
public sealed class EgressException : Exception
{
    public EgressException(EgressFailure failure, string? twirpCode, int? httpStatus, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        TwirpCode = twirpCode;
        HttpStatus = httpStatus;
    }

    public EgressFailure Failure { get; }

    public string? TwirpCode { get; }

    public int? HttpStatus { get; }
}
