using FluentValidation;

namespace Itqan.Recording.Application.EgressEvents.ProcessEgressStarted;

public sealed class ProcessEgressStartedValidator : AbstractValidator<ProcessEgressStarted>
{
    public ProcessEgressStartedValidator()
    {
        RuleFor(c => c.Egress).NotNull().SetValidator(new EgressInfoValidator());
    }
}
