using ItqanRecording.LiveKitEmulator.Twirp;

namespace ItqanRecording.LiveKitEmulator;

/// <summary>A value or the Twirp error that explains why there is none.</summary>
public readonly record struct Result<T>(T? Value, TwirpError? Error)
{
    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(TwirpError error) => new(default, error);
}
