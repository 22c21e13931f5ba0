namespace ItqanRecording.Domain.Sessions;

/// <summary>
/// A kind of live session, named as it is stored, shown in JSON and used in storage folders and room names
/// (<c>interactive</c>, <c>quran</c>, <c>academic</c>). Open on purpose: a kind is a class of session plus its
/// registration, so a new kind is a new value, not an edit of a closed enum (docs/adr/0012-recording-capable-contract.md).
/// </summary>
public readonly record struct SessionKind
{
    /// <summary>The longest name the database's <c>kind</c> and <c>session_kind</c> columns hold.</summary>
    public const int MaxNameLength = 16;

    public static readonly SessionKind Interactive = new("interactive");

    public static readonly SessionKind Quran = new("quran");

    public static readonly SessionKind Academic = new("academic");

    public SessionKind(string name)
    {
        if (!IsWellFormed(name))
        {
            throw new ArgumentException(
                $"A session kind is 1 to {MaxNameLength} lower-case ASCII letters, not '{name}'.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The lower-case name: <c>quran</c>.</summary>
    public string Name { get; }

    /// <summary>The kind a request names, in any case; false when the name cannot be a kind.</summary>
    public static bool TryParse(string? name, out SessionKind kind)
    {
        var lower = name?.ToLowerInvariant();
        kind = IsWellFormed(lower) ? new SessionKind(lower!) : default;
        return kind != default;
    }

    public override string ToString() => Name;

    private static bool IsWellFormed(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.All(c => c is >= 'a' and <= 'z');
}
