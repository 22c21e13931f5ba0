namespace ItqanRecording.LiveKitEmulator.Protocol;

/// <summary>
/// A message value held by field number. Scalars are <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>
/// (int32 and enums), <see cref="long"/> or <see cref="double"/>; messages are <see cref="ProtoMessage"/>;
/// repeated fields are <see cref="IReadOnlyList{T}"/> of those. A message is built once and then only read.
/// </summary>
public sealed class ProtoMessage(ProtoMessageType type)
{
    private readonly Dictionary<int, object> _values = [];

    public ProtoMessageType Type { get; } = type;

    public ProtoMessage Set(string protoName, object value)
    {
        Set(Type.Field(protoName), value);
        return this;
    }

    public void Set(ProtoField field, object value)
    {
        if (!Fits(field, value))
        {
            throw new ArgumentException($"{value.GetType().Name} does not fit {Type.FullName}.{field.ProtoName}", nameof(value));
        }

        _values[field.Number] = value;
    }

    public object? Get(ProtoField field) => _values.GetValueOrDefault(field.Number);

    public string GetString(string protoName) => Get(Type.Field(protoName)) as string ?? "";

    public bool GetBool(string protoName) => Get(Type.Field(protoName)) is true;

    public int GetInt32(string protoName) => Get(Type.Field(protoName)) is int value ? value : 0;

    public ProtoMessage? GetMessage(string protoName) => Get(Type.Field(protoName)) as ProtoMessage;

    public IReadOnlyList<ProtoMessage> GetMessages(string protoName) =>
        Get(Type.Field(protoName)) is IReadOnlyList<object> items ? [.. items.Cast<ProtoMessage>()] : [];

    private static bool Fits(ProtoField field, object value) =>
        field.Repeated
            ? value is IReadOnlyList<object> items && items.All(item => FitsScalar(field, item))
            : FitsScalar(field, value);

    private static bool FitsScalar(ProtoField field, object value) => field.Kind switch
    {
        FieldKind.Text => value is string,
        FieldKind.Bool => value is bool,
        FieldKind.Integer32 or FieldKind.Enum => value is int,
        FieldKind.Integer64 => value is long,
        FieldKind.Floating => value is double,
        FieldKind.Message => value is ProtoMessage message && message.Type == field.MessageType,
        _ => false,
    };
}
