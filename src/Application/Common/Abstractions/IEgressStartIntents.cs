using ItqanRecording.Application.Common.Egress;

namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>Writes <see cref="EgressStartIntent"/>s so that they outlive the caller's transaction and process.</summary>
public interface IEgressStartIntents
{
    /// <summary>
    /// Inserts and commits the intent at once, on a connection of its own: the session lock's transaction, which is
    /// still open, does not take it down with it if the process dies before its commit.
    /// </summary>
    Task RecordAsync(EgressStartIntent intent, CancellationToken cancellationToken);
}
