namespace ItqanRecording.Domain.Common;

/// <summary>A business rule the domain refused. <see cref="Code"/> is stable and machine readable.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
