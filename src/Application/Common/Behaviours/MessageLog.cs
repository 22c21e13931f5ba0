using ItqanRecording.Application.Common.Results;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.Common.Behaviours;

/// <summary>
/// What <see cref="LoggingBehaviour{TMessage,TResponse}"/> writes: a message handled (Debug), refused with an
/// expected error (Information, with the error's code) or ended by an exception (Warning, with its type; whoever
/// handles it logs the rest). Anything slower than <see cref="SlowAfter"/> is a Warning whatever its outcome.
/// </summary>
public sealed partial class MessageLog(ILogger<MessageLog> logger)
{
    /// <summary>Longer than this is worth a look: the API's own work is milliseconds, LiveKit's calls a few hundred.</summary>
    public static readonly TimeSpan SlowAfter = TimeSpan.FromMilliseconds(500);

    public void Handled(string message, Error? error, TimeSpan elapsed)
    {
        var slow = elapsed > SlowAfter;
        if (error is null)
        {
            Handled(slow ? LogLevel.Warning : LogLevel.Debug, message, elapsed.TotalMilliseconds);
        }
        else
        {
            Refused(slow ? LogLevel.Warning : LogLevel.Information, message, error.Code, elapsed.TotalMilliseconds);
        }
    }

    public void Threw(string message, Exception exception, TimeSpan elapsed) =>
        Threw(message, exception.GetType().Name, elapsed.TotalMilliseconds);

    [LoggerMessage(EventId = 1, Message = "{Message} handled in {ElapsedMs:0.0} ms")]
    private partial void Handled(LogLevel level, string message, double elapsedMs);

    [LoggerMessage(EventId = 2, Message = "{Message} refused with {ErrorCode} in {ElapsedMs:0.0} ms")]
    private partial void Refused(LogLevel level, string message, string errorCode, double elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Message} threw {ExceptionType} after {ElapsedMs:0.0} ms")]
    private partial void Threw(string message, string exceptionType, double elapsedMs);
}
