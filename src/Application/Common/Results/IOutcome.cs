namespace ItqanRecording.Application.Common.Results;

/// <summary>A handler's answer that may be an expected failure, seen without knowing its value's type.</summary>
public interface IOutcome
{
    Error? Error { get; }
}
