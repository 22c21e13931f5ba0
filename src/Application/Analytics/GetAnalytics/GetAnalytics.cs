using FluentValidation;
using ItqanRecording.Application.Common;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.Learning;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.Analytics.GetAnalytics;

/// <summary>
/// The analytics dashboard for the academy's days <see cref="From"/> to <see cref="To"/> (both included; the last
/// <see cref="DefaultWeeks"/> weeks up to today when left out) by <see cref="Bucket"/> (<c>week</c>, the default, or
/// <c>month</c>): an admin sees the academy (or
/// one teacher's classes, <see cref="TeacherId"/>), a teacher their own classes whatever they ask; anyone else is
/// refused (403 <c>analytics.forbidden</c>).
/// </summary>
public sealed record GetAnalyticsQuery(DateOnly? From, DateOnly? To, string? Bucket, Guid? TeacherId, Actor Actor)
    : IQuery<Result<AnalyticsDashboard>>
{
    public const int DefaultWeeks = 12;

    /// <summary>The longest span one report covers, in days.</summary>
    public const int MaxDays = 731;
}

/// <summary>The days the report covers (the academy's dates, both included), how they are cut, and the report.</summary>
public sealed record AnalyticsDashboard(DateOnly From, DateOnly To, AnalyticsBucket Bucket, AnalyticsReport Report);

public sealed class GetAnalyticsValidator : AbstractValidator<GetAnalyticsQuery>
{
    public GetAnalyticsValidator()
    {
        RuleFor(q => q.To).Must((q, to) => q.From is not { } from || to is not { } end || end >= from)
            .WithMessage("to is on or after from.");
        RuleFor(q => q.To).Must((q, to) => q.From is not { } from || to is not { } end || end.DayNumber - from.DayNumber < GetAnalyticsQuery.MaxDays)
            .WithMessage($"A report covers at most {GetAnalyticsQuery.MaxDays} days.");
        RuleFor(q => q.Bucket).Must(b => b is null || WireNames.TryParse<AnalyticsBucket>(b, out _))
            .WithMessage($"bucket is one of: {WireNames.All<AnalyticsBucket>()}.");
    }
}

public sealed class GetAnalyticsHandler(
    IApplicationDbContext db,
    IRecordingAnalytics analytics,
    IOptions<LearningOptions> learning,
    TimeProvider clock) : IQueryHandler<GetAnalyticsQuery, Result<AnalyticsDashboard>>
{
    public static readonly Error Forbidden = Error.Forbidden("analytics.forbidden", "Analytics are for the academy's admins and its teachers.");

    public async ValueTask<Result<AnalyticsDashboard>> Handle(GetAnalyticsQuery query, CancellationToken cancellationToken)
    {
        var actor = query.Actor;
        if (actor.Role is not (UserRole.Admin or UserRole.Teacher))
        {
            return Forbidden;
        }

        var academy = await db.Academies.AsNoTracking().SingleAsync(a => a.Id == actor.AcademyId, cancellationToken);
        var to = query.To ?? DateOnly.FromDateTime(academy.LocalTime(clock.GetUtcNow()).DateTime);
        var from = query.From ?? to.AddDays(1 - (7 * GetAnalyticsQuery.DefaultWeeks));
        if (to < from || to.DayNumber - from.DayNumber >= GetAnalyticsQuery.MaxDays)
        {
            // One end was left out and the other lies outside what the default makes of it.
            from = to.AddDays(1 - (7 * GetAnalyticsQuery.DefaultWeeks));
        }

        var bucket = WireNames.TryParse<AnalyticsBucket>(query.Bucket, out var asked) ? asked : AnalyticsBucket.Week;
        var scope = new AnalyticsScope(
            academy.Id,
            actor.Role == UserRole.Admin ? query.TeacherId : actor.UserId,
            academy.StartOf(from),
            academy.StartOf(to.AddDays(1)),
            bucket,
            academy.TimeZoneId,
            learning.Value.WatchedCoverage,
            learning.Value.AttendedShare);
        return new AnalyticsDashboard(from, to, bucket, await analytics.ReportAsync(scope, cancellationToken));
    }
}
