namespace ItqanRecording.LiveKitEmulator.Protocol;

/// <summary>The proto3 scalar and composite kinds the emulator reads and writes.</summary>
public enum FieldKind
{
    Text,
    Bool,
    Integer32,
    Integer64,
    Floating,
    Enum,
    Message,
}

/// <summary>A proto3 enum whose numbers run densely from 0, as every LiveKit enum used here does.</summary>
public sealed class ProtoEnum(string fullName, params string[] names)
{
    public string FullName { get; } = fullName;

    public string? NameOf(int number) => number >= 0 && number < names.Length ? names[number] : null;

    public int? NumberOf(string name)
    {
        var index = Array.IndexOf(names, name);
        return index < 0 ? null : index;
    }
}

/// <summary>One field of a message, described as protoc would: number, proto name, kind and cardinality.</summary>
public sealed record ProtoField(int Number, string ProtoName, FieldKind Kind)
{
    /// <summary>lowerCamelCase JSON name, derived the way protoc derives <c>json_name</c>.</summary>
    public string JsonName { get; } = ToJsonName(ProtoName);

    public bool Repeated { get; init; }

    /// <summary>Name of the oneof this field belongs to; oneof members have explicit presence.</summary>
    public string? Oneof { get; init; }

    public ProtoEnum? Enum { get; init; }

    public ProtoMessageType? MessageType { get; init; }

    /// <summary>The field exists in LiveKit's proto, but the emulator refuses requests that set it.</summary>
    public bool Unsupported { get; init; }

    private static string ToJsonName(string protoName)
    {
        var builder = new System.Text.StringBuilder(protoName.Length);
        var upperNext = false;
        foreach (var c in protoName)
        {
            if (c == '_')
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return builder.ToString();
    }
}

/// <summary>A message descriptor: its full name and its fields in field-number order.</summary>
public sealed class ProtoMessageType
{
    private readonly Dictionary<string, ProtoField> _byName = new(StringComparer.Ordinal);

    public ProtoMessageType(string fullName, params ProtoField[] fields)
    {
        FullName = fullName;
        Fields = [.. fields.OrderBy(f => f.Number)];
        foreach (var field in Fields)
        {
            _byName[field.ProtoName] = field;
            _byName[field.JsonName] = field;
        }
    }

    public string FullName { get; }

    public IReadOnlyList<ProtoField> Fields { get; }

    /// <summary>Finds a field by its JSON name or its proto name, as protojson does when reading.</summary>
    public ProtoField? Find(string name) => _byName.GetValueOrDefault(name);

    public ProtoField Field(string protoName) =>
        Find(protoName) ?? throw new ArgumentException($"{FullName} has no field {protoName}", nameof(protoName));
}
