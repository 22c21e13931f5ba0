using FluentValidation;
using Itqan.Recording.Application.Common.Validation;

namespace Itqan.Recording.Application.Auth.SignIn;

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(320).Must(TextValidation.HasNoNul).WithMessage(TextValidation.NulMessage);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
    }
}
