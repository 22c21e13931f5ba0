using FluentValidation;
using ItqanRecording.Application.Common.Egress;

namespace ItqanRecording.Application.EgressEvents;

/// <summary>
/// What a verified LiveKit event must look like before it reaches the database: ids of the length and alphabet
/// LiveKit uses (text PostgreSQL cannot store is refused for every message by the validation behaviour). Anything
/// else is a 400, not a 500.
/// </summary>
public static class EgressEventValidation
{
    public const int MaxEventIdLength = 128;
    public const int MaxEgressIdLength = 64;
    public const int MaxRoomNameLength = 256;

    public static IRuleBuilderOptions<T, string?> MustBeEventId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(MaxEventIdLength);

    public static IRuleBuilderOptions<T, string> MustBeRoomName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(MaxRoomNameLength);
}

/// <summary>An egress as LiveKit describes it. An empty id is allowed: LiveKit's auto-egress sends one, and it is ignored.</summary>
public sealed class EgressInfoValidator : AbstractValidator<EgressInfo>
{
    public EgressInfoValidator()
    {
        RuleFor(e => e.EgressId).MaximumLength(EgressEventValidation.MaxEgressIdLength)
            .Matches("^[A-Za-z0-9_-]*$").WithMessage("An egress id has only letters, digits, '_' and '-'.");
        RuleForEach(e => e.FileResults).ChildRules(file =>
        {
            file.RuleFor(f => f.SizeBytes).GreaterThanOrEqualTo(0);
            file.RuleFor(f => f.Duration).GreaterThanOrEqualTo(TimeSpan.Zero);
        });
    }
}
