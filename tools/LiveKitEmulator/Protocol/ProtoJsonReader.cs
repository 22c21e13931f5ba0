using System.Globalization;
using System.Text.Json;

namespace ItqanRecording.LiveKitEmulator.Protocol;

public enum ProtoJsonErrorKind
{
    /// <summary>Not JSON, or a value of the wrong type: what protojson itself would refuse.</summary>
    Malformed,

    /// <summary>A field the message does not have. LiveKit ignores these; the emulator refuses them.</summary>
    UnknownField,

    /// <summary>A LiveKit field the emulator does not emulate (uploads, streams, segments, extra webhooks).</summary>
    UnsupportedField,
}

/// <param name="Path">Where in the request the problem is, in the client's own spelling, e.g. <c>fileOutputs[0].fileTpe</c>.</param>
public sealed record ProtoJsonError(ProtoJsonErrorKind Kind, string Path, string Detail);

public readonly record struct ProtoReadResult(ProtoMessage? Message, ProtoJsonError? Error);

/// <summary>
/// Reads proto3 JSON the way Go's protojson does (both name styles, int64 as string or number, enums by name
/// or number, null as unset), except that unknown fields are an error.
/// </summary>
public static class ProtoJsonReader
{
    public static ProtoReadResult Read(byte[] json, ProtoMessageType type)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new(null, new(ProtoJsonErrorKind.Malformed, "", e.Message));
        }

        using (document)
        {
            var message = new ProtoMessage(type);
            var error = ReadMessage(document.RootElement, message, "");
            return error is null ? new(message, null) : new(null, error);
        }
    }

    private static ProtoJsonError? ReadMessage(JsonElement element, ProtoMessage target, string path)
    {
        var type = target.Type;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Malformed(path, $"expected a JSON object for {type.FullName}, got {element.ValueKind}");
        }

        var seenFields = new HashSet<int>();
        var setOneofs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var field = type.Find(property.Name);
            if (field is null)
            {
                return new(ProtoJsonErrorKind.UnknownField, fieldPath,
                    $"request has unknown field: {fieldPath} ({type.FullName} has no field \"{property.Name}\")");
            }

            if (!seenFields.Add(field.Number))
            {
                return Malformed(fieldPath, $"duplicate field \"{property.Name}\"");
            }

            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null || (field.Unsupported && IsEmpty(value)))
            {
                continue;
            }

            if (field.Unsupported)
            {
                return new(ProtoJsonErrorKind.UnsupportedField, fieldPath,
                    $"field \"{property.Name}\" of {type.FullName} is not emulated");
            }

            if (field.Oneof is { } oneof && !setOneofs.Add(oneof))
            {
                return Malformed(fieldPath, $"oneof {type.FullName}.{oneof} is already set");
            }

            var error = field.Repeated
                ? ReadList(value, field, fieldPath, out var read)
                : ReadValue(value, field, fieldPath, out read);
            if (error is not null)
            {
                return error;
            }

            target.Set(field, read!);
        }

        return null;
    }

    private static ProtoJsonError? ReadList(JsonElement element, ProtoField field, string path, out object? value)
    {
        value = null;
        if (element.ValueKind != JsonValueKind.Array)
        {
            return Malformed(path, $"expected a JSON array, got {element.ValueKind}");
        }

        var items = new List<object>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var error = ReadValue(item, field, $"{path}[{index++}]", out var read);
            if (error is not null)
            {
                return error;
            }

            items.Add(read!);
        }

        value = items.AsReadOnly();
        return null;
    }

    private static ProtoJsonError? ReadValue(JsonElement element, ProtoField field, string path, out object? value)
    {
        if (field.Kind == FieldKind.Message)
        {
            var message = new ProtoMessage(field.MessageType!);
            value = message;
            return ReadMessage(element, message, path);
        }

        value = field.Kind switch
        {
            FieldKind.Text when element.ValueKind == JsonValueKind.String => element.GetString(),
            FieldKind.Bool when element.ValueKind is JsonValueKind.True or JsonValueKind.False => element.GetBoolean(),
            FieldKind.Integer32 => ReadInt32(element),
            FieldKind.Integer64 => ReadInt64(element),
            FieldKind.Floating => ReadDouble(element),
            FieldKind.Enum => ReadEnum(element, field.Enum!),
            _ => null,
        };

        return value is null
            ? Malformed(path, $"invalid value for {Describe(field)}: {element.GetRawText()}")
            : null;
    }

    private static object? ReadInt32(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt32(out var number) => number,
        JsonValueKind.String when int.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static object? ReadInt64(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static object? ReadDouble(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        },
        _ => null,
    };

    private static int? ReadEnum(JsonElement element, ProtoEnum protoEnum) => element.ValueKind switch
    {
        JsonValueKind.String => protoEnum.NumberOf(element.GetString()!),
        JsonValueKind.Number when element.TryGetInt32(out var number) => number,
        _ => null,
    };

    /// <summary>A default value as some SDKs still send it: an empty list, map or string, or false.</summary>
    private static bool IsEmpty(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.GetArrayLength() == 0,
        JsonValueKind.Object => !element.EnumerateObject().Any(),
        JsonValueKind.String => element.GetString()!.Length == 0,
        JsonValueKind.False => true,
        _ => false,
    };

    private static string Describe(ProtoField field) => field.Kind switch
    {
        FieldKind.Enum => $"enum {field.Enum!.FullName}",
        _ => field.Kind.ToString().ToLowerInvariant(),
    };

    private static ProtoJsonError Malformed(string path, string detail) =>
        new(ProtoJsonErrorKind.Malformed, path, path.Length == 0 ? detail : $"{path}: {detail}");
}
