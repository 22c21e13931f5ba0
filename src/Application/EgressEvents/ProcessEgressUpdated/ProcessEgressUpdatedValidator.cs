using FluentValidation;

namespace ItqanRecording.Application.EgressEvents.ProcessEgressUpdated;

public sealed class ProcessEgressUpdatedValidator : AbstractValidator<ProcessEgressUpdatedCommand>
{
    public ProcessEgressUpdatedValidator()
    {
        RuleFor(c => c.Egress).NotNull().SetValidator(new EgressInfoValidator());
        RuleFor(c => c.EventId).MustBeEventId().When(c => c.EventId is not null);
    }
}
