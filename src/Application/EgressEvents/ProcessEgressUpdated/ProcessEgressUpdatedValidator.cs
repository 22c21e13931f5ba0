using FluentValidation;

namespace Itqan.Recording.Application.EgressEvents.ProcessEgressUpdated;

public sealed class ProcessEgressUpdatedValidator : AbstractValidator<ProcessEgressUpdated>
{
    public ProcessEgressUpdatedValidator()
    {
        RuleFor(c => c.Egress).NotNull().SetValidator(new EgressInfoValidator());
        RuleFor(c => c.EventId).MustBeEventId().When(c => c.EventId is not null);
    }
}
