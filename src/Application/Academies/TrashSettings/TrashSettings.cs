using FluentValidation;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Academies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Academies.TrashSettings;

/// <summary>How many days a deleted recording of the academy waits in the trash, restorable, before its files go.</summary>
public sealed record TrashSettingsResponse(int Days);

/// <summary>The body of a change to the admin's academy's trash.</summary>
public sealed record TrashSettingsChange(int Days);

public sealed record GetTrashSettingsQuery(Guid AcademyId) : IQuery<TrashSettingsResponse>;

public sealed record SetTrashSettingsCommand(Guid AcademyId, int Days) : ICommand<TrashSettingsResponse>;

public sealed class SetTrashSettingsValidator : AbstractValidator<SetTrashSettingsCommand>
{
    public SetTrashSettingsValidator()
    {
        RuleFor(c => c.Days).InclusiveBetween(1, Academy.MaxTrashDays);
    }
}

public sealed class GetTrashSettingsHandler(IApplicationDbContext db) : IQueryHandler<GetTrashSettingsQuery, TrashSettingsResponse>
{
    public async ValueTask<TrashSettingsResponse> Handle(GetTrashSettingsQuery query, CancellationToken cancellationToken) =>
        await db.Academies.AsNoTracking()
            .Where(a => a.Id == query.AcademyId)
            .Select(a => new TrashSettingsResponse(a.TrashDays))
            .SingleAsync(cancellationToken);
}

public sealed class SetTrashSettingsHandler(IApplicationDbContext db) : ICommandHandler<SetTrashSettingsCommand, TrashSettingsResponse>
{
    public async ValueTask<TrashSettingsResponse> Handle(SetTrashSettingsCommand command, CancellationToken cancellationToken)
    {
        var academy = await db.Academies.SingleAsync(a => a.Id == command.AcademyId, cancellationToken);
        academy.KeepDeletedFor(command.Days);
        await db.SaveChangesAsync(cancellationToken);
        return new TrashSettingsResponse(academy.TrashDays);
    }
}
