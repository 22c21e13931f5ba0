using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>
/// A kind of session this service records, registered once in the container (Infrastructure's
/// <c>services.AddSessionKind&lt;TDefinition&gt;()</c>), with its settings' defaults. Configuration overrides them per
/// kind under <c>Recording:{Kind}:…</c> and <c>Recording:MaxDuration:{Kind}</c> (<see cref="SessionKindKeys"/>).
/// </summary>
public interface ISessionKindRegistration
{
    SessionKind Kind { get; }

    /// <summary>How long its recordings may run before the service stops them, unless configured.</summary>
    TimeSpan DefaultMaxDuration { get; }

    /// <summary>Its recording defaults before configuration; a new instance on every call.</summary>
    KindRecordingOptions NewRecordingDefaults();
}

/// <summary>A kind's key in configuration, as the README writes it: <c>Interactive</c> for <c>interactive</c>.</summary>
public static class SessionKindKeys
{
    public static string KeyOf(SessionKind kind) => string.Concat(kind.Name[..1].ToUpperInvariant(), kind.Name[1..]);

    /// <summary>The key below <paramref name="section"/> and its environment variable: <c>Recording:Quran (env Recording__Quran)</c>.</summary>
    public static string Describe(string key) => $"{key} (env {key.Replace(":", "__", StringComparison.Ordinal)})";
}
