using FluentValidation;

namespace Itqan.Recording.Application.Recordings.ProcessEgressStarted;

public sealed class ProcessEgressStartedValidator : AbstractValidator<ProcessEgressStarted>
{
    public ProcessEgressStartedValidator()
    {
        RuleFor(c => c.Egress).NotNull().SetValidator(new EgressInfoValidator());
    }
}
