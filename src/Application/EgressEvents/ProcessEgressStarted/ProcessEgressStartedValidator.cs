using FluentValidation;

namespace ItqanRecording.Application.EgressEvents.ProcessEgressStarted;

public sealed class ProcessEgressStartedValidator : AbstractValidator<ProcessEgressStartedCommand>
{
    public ProcessEgressStartedValidator()
    {
        RuleFor(c => c.Egress).NotNull().SetValidator(new EgressInfoValidator());
    }
}
