using System.Text.Json;
using System.Text.Json.Serialization;

namespace ItqanRecording.Application.Common.Egress;

/// <summary>
/// <see cref="EgressInfo"/> as JSON, for an egress event that waits in <see cref="PendingEgressEvent"/> until its
/// recording exists. This is our own shape, not LiveKit's proto3 JSON: it only has to read back what it wrote.
/// </summary>
public static class EgressInfoJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(EgressInfo egress) => JsonSerializer.Serialize(egress, Options);

    /// <exception cref="JsonException">The text is not an <see cref="EgressInfo"/> written by <see cref="Serialize"/>.</exception>
    public static EgressInfo Deserialize(string json) =>
        JsonSerializer.Deserialize<EgressInfo>(json, Options) ?? throw new JsonException("The pending egress event holds null.");
}
