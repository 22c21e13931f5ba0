using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ItqanRecording.LiveKitEmulator.Protocol;

public enum ProtoJsonStyle
{
    /// <summary>
    /// How the LiveKit server's Twirp handlers answer: proto (snake_case) names and every field written,
    /// defaults included; an unset message that is not in a oneof is <c>null</c>.
    /// </summary>
    TwirpResponse,

    /// <summary>How LiveKit writes webhook bodies: lowerCamelCase names, fields holding defaults left out.</summary>
    Webhook,
}

/// <summary>Writes a <see cref="ProtoMessage"/> as compact proto3 JSON, fields in field-number order.</summary>
public static class ProtoJsonWriter
{
    // protojson escapes only what JSON requires; it leaves '<', '>', '&' and non-ASCII text as they are.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(ProtoMessage message, ProtoJsonStyle style)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteMessage(writer, message, style);
        }

        return buffer.ToArray();
    }

    private static void WriteMessage(Utf8JsonWriter writer, ProtoMessage message, ProtoJsonStyle style)
    {
        writer.WriteStartObject();
        foreach (var field in message.Type.Fields)
        {
            WriteField(writer, field, message.Get(field), style);
        }

        writer.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter writer, ProtoField field, object? value, ProtoJsonStyle style)
    {
        var emitDefaults = style == ProtoJsonStyle.TwirpResponse;
        var name = emitDefaults ? field.ProtoName : field.JsonName;

        if (field.Repeated)
        {
            var items = value as IReadOnlyList<object> ?? [];
            if (items.Count == 0 && !emitDefaults)
            {
                return;
            }

            writer.WriteStartArray(name);
            foreach (var item in items)
            {
                WriteValue(writer, field, item, style);
            }

            writer.WriteEndArray();
            return;
        }

        if (field.Oneof is not null)
        {
            // A oneof member has presence: written when set, even if it holds a default, and never otherwise.
            if (value is not null)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, field, value, style);
            }

            return;
        }

        if (field.Kind == FieldKind.Message)
        {
            if (value is null && !emitDefaults)
            {
                return;
            }

            writer.WritePropertyName(name);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                WriteValue(writer, field, value, style);
            }

            return;
        }

        var scalar = value ?? DefaultOf(field.Kind);
        if (!emitDefaults && scalar.Equals(DefaultOf(field.Kind)))
        {
            return;
        }

        writer.WritePropertyName(name);
        WriteValue(writer, field, scalar, style);
    }

    private static void WriteValue(Utf8JsonWriter writer, ProtoField field, object value, ProtoJsonStyle style)
    {
        switch (value)
        {
            case ProtoMessage message:
                WriteMessage(writer, message, style);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long number:
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case int number when field.Kind == FieldKind.Enum && field.Enum!.NameOf(number) is { } enumName:
                writer.WriteStringValue(enumName);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteStringValue(double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
                break;
            default:
                throw new InvalidOperationException($"Cannot write {value.GetType().Name} for {field.ProtoName}");
        }
    }

    private static object DefaultOf(FieldKind kind) => kind switch
    {
        FieldKind.Text => "",
        FieldKind.Bool => false,
        FieldKind.Integer32 or FieldKind.Enum => 0,
        FieldKind.Integer64 => 0L,
        FieldKind.Floating => 0d,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no scalar default"),
    };
}
