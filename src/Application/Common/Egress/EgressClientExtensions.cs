namespace ItqanRecording.Application.Common.Egress;

public static class EgressClientExtensions
{
    /// <summary>
    /// Stops an egress, counting "already stopped" as done: LiveKit answers a stop of an ended or ending egress with
    /// <c>failed_precondition</c> and of one it forgot with <c>not_found</c>. So a stop can be repeated safely (by a
    /// retry, a second instance or a job). Other failures still throw <see cref="EgressException"/>.
    /// </summary>
    /// <returns>The egress as LiveKit answered, or null when it had already ended.</returns>
    public static async Task<EgressInfo?> StopIfRunningAsync(
        this IEgressClient client, string egressId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.StopEgressAsync(egressId, cancellationToken);
        }
        catch (EgressException exception) when (exception.TwirpCode is "failed_precondition" or "not_found")
        {
            return null;
        }
    }
}
