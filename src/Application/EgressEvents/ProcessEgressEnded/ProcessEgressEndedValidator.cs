using FluentValidation;

namespace Itqan.Recording.Application.EgressEvents.ProcessEgressEnded;

public sealed class ProcessEgressEndedValidator : AbstractValidator<ProcessEgressEnded>
{
    public ProcessEgressEndedValidator()
    {
        RuleFor(c => c.Egress).NotNull().SetValidator(new EgressInfoValidator());
        RuleFor(c => c.EventId).MustBeEventId().When(c => c.EventId is not null);
    }
}
