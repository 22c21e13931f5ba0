using FluentValidation;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Academies.PublishingSettings;

/// <summary>
/// Whether an academy's recordings wait for the teacher's review before its students see them:
/// <see cref="ReviewBeforePublishing"/> for every kind, <see cref="ByKind"/> for the kinds that choose otherwise
/// (by the API's kind names; a kind not listed follows the academy).
/// </summary>
public sealed record PublishingSettingsResponse(bool ReviewBeforePublishing, IReadOnlyDictionary<string, bool> ByKind)
{
    public static PublishingSettingsResponse Of(Domain.Academies.Academy academy)
    {
        ArgumentNullException.ThrowIfNull(academy);
        return new(
            academy.ReviewBeforePublishing,
            academy.RecordingOverrides.Where(o => o.ReviewBeforePublishing is not null)
                .ToDictionary(o => o.SessionKind.Name, o => o.ReviewBeforePublishing!.Value));
    }
}

/// <summary>The body of a change: the academy's choice, and each named kind's (null: as the academy).</summary>
public sealed record PublishingSettingsChange(bool ReviewBeforePublishing, IReadOnlyDictionary<string, bool?>? ByKind);

public sealed record GetPublishingSettingsQuery(Guid AcademyId) : IQuery<PublishingSettingsResponse>;

public sealed record SetPublishingSettingsCommand(Guid AcademyId, PublishingSettingsChange Change) : ICommand<PublishingSettingsResponse>;

public sealed class SetPublishingSettingsValidator : AbstractValidator<SetPublishingSettingsCommand>
{
    public SetPublishingSettingsValidator(IEnumerable<ISessionKindRegistration> registrations)
    {
        var kinds = registrations.Select(r => r.Kind).ToList();
        RuleForEach(c => c.Change.ByKind!.Keys)
            .Must(kind => SessionKind.TryParse(kind, out var parsed) && kinds.Contains(parsed))
            .When(c => c.Change.ByKind is not null)
            .OverridePropertyName("byKind")
            .WithMessage($"Kinds are: {string.Join(", ", kinds)}.");
    }
}

public sealed class GetPublishingSettingsHandler(IApplicationDbContext db) : IQueryHandler<GetPublishingSettingsQuery, PublishingSettingsResponse>
{
    public async ValueTask<PublishingSettingsResponse> Handle(GetPublishingSettingsQuery query, CancellationToken cancellationToken) =>
        PublishingSettingsResponse.Of(
            await db.Academies.AsNoTracking().Include(a => a.RecordingOverrides).SingleAsync(a => a.Id == query.AcademyId, cancellationToken));
}

public sealed class SetPublishingSettingsHandler(IApplicationDbContext db) : ICommandHandler<SetPublishingSettingsCommand, PublishingSettingsResponse>
{
    public async ValueTask<PublishingSettingsResponse> Handle(SetPublishingSettingsCommand command, CancellationToken cancellationToken)
    {
        var academy = await db.Academies.Include(a => a.RecordingOverrides).SingleAsync(a => a.Id == command.AcademyId, cancellationToken);
        var byKind = (command.Change.ByKind ?? new Dictionary<string, bool?>())
            .ToDictionary(pair => new SessionKind(pair.Key.ToLowerInvariant()), pair => pair.Value);
        academy.ReviewRecordingsBeforePublishing(command.Change.ReviewBeforePublishing, byKind);
        await db.SaveChangesAsync(cancellationToken);
        return PublishingSettingsResponse.Of(academy);
    }
}
