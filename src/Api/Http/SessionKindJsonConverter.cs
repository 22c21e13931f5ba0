using System.Text.Json;
using System.Text.Json.Serialization;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Api.Http;

/// <summary>A session kind travels as its name (<c>quran</c>), as the enum it replaced did.</summary>
public sealed class SessionKindJsonConverter : JsonConverter<SessionKind>
{
    public override SessionKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SessionKind.TryParse(reader.GetString(), out var kind) ? kind : throw new JsonException("Not a session kind.");

    public override void Write(Utf8JsonWriter writer, SessionKind value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name);
    }
}
