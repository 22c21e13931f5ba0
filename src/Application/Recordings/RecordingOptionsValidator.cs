using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.Recordings;

/// <summary>Checks <see cref="RecordingOptions"/> at start-up and names every setting LiveKit would refuse.</summary>
[OptionsValidator]
public sealed partial class RecordingOptionsValidator : IValidateOptions<RecordingOptions>;
