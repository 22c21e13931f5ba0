using FluentValidation;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Academies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Academies.AcademyTimeZone;

/// <summary>The IANA time zone an academy keeps its timetable in; its recordings are named by their start in it.</summary>
public sealed record AcademyTimeZoneResponse(string TimeZone);

/// <summary>The body of a change to the admin's academy's time zone.</summary>
public sealed record AcademyTimeZoneChange(string TimeZone);

public sealed record GetAcademyTimeZoneQuery(Guid AcademyId) : IQuery<AcademyTimeZoneResponse>;

/// <summary>A new time zone for the admin's academy: recordings started from now on are named by it.</summary>
public sealed record SetAcademyTimeZoneCommand(Guid AcademyId, string TimeZone) : ICommand<AcademyTimeZoneResponse>;

public sealed class SetAcademyTimeZoneValidator : AbstractValidator<SetAcademyTimeZoneCommand>
{
    public SetAcademyTimeZoneValidator()
    {
        RuleFor(c => c.TimeZone).Must(Academy.IsKnownTimeZone).WithMessage("Not a time zone this system knows; use an IANA name such as Asia/Riyadh.");
    }
}

public sealed class GetAcademyTimeZoneHandler(IApplicationDbContext db) : IQueryHandler<GetAcademyTimeZoneQuery, AcademyTimeZoneResponse>
{
    public async ValueTask<AcademyTimeZoneResponse> Handle(GetAcademyTimeZoneQuery query, CancellationToken cancellationToken) =>
        await db.Academies.AsNoTracking()
            .Where(a => a.Id == query.AcademyId)
            .Select(a => new AcademyTimeZoneResponse(a.TimeZoneId))
            .SingleAsync(cancellationToken);
}

public sealed class SetAcademyTimeZoneHandler(IApplicationDbContext db) : ICommandHandler<SetAcademyTimeZoneCommand, AcademyTimeZoneResponse>
{
    public async ValueTask<AcademyTimeZoneResponse> Handle(SetAcademyTimeZoneCommand command, CancellationToken cancellationToken)
    {
        var academy = await db.Academies.SingleAsync(a => a.Id == command.AcademyId, cancellationToken);
        academy.UseTimeZone(command.TimeZone);
        await db.SaveChangesAsync(cancellationToken);
        return new AcademyTimeZoneResponse(academy.TimeZoneId);
    }
}
