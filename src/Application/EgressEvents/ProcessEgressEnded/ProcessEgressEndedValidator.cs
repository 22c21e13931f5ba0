using FluentValidation;

namespace ItqanRecording.Application.EgressEvents.ProcessEgressEnded;

public sealed class ProcessEgressEndedValidator : AbstractValidator<ProcessEgressEndedCommand>
{
    public ProcessEgressEndedValidator()
    {
        RuleFor(c => c.Egress).NotNull().SetValidator(new EgressInfoValidator());
        RuleFor(c => c.EventId).MustBeEventId().When(c => c.EventId is not null);
    }
}
