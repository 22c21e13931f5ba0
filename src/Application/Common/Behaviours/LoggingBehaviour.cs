using ItqanRecording.Application.Common.Results;
using Mediator;

namespace ItqanRecording.Application.Common.Behaviours;

/// <summary>
/// Around every message (outside validation): how long its handler took and how it ended, logged by
/// <see cref="MessageLog"/> under the message's type name. Never the message's properties: they hold emails,
/// passwords and link signatures.
/// </summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(MessageLog log, TimeProvider time) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string MessageName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch (Exception exception)
        {
            log.Threw(MessageName, exception, time.GetElapsedTime(started));
            throw;
        }

        log.Handled(MessageName, (response as IOutcome)?.Error, time.GetElapsedTime(started));
        return response;
    }
}
