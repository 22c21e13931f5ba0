using FluentValidation;
using ItqanRecording.Application.Common.Validation;
using Mediator;

namespace ItqanRecording.Application.Common.Behaviours;

/// <summary>
/// Before a message's handler: refuses text PostgreSQL cannot store anywhere in the message
/// (<see cref="TextValidation"/>), then runs every FluentValidation validator of it; failures become a 400.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var failures = TextValidation.FindUnstorableText(message);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
