using ItqanRecording.Application.Common.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Academies.PlaybackSettings;

/// <summary>
/// How an academy's recordings are prepared for playback. <see cref="LowBandwidthRendition"/>: its videos also get a
/// 360p rendition in their HLS packaging, for students on a weak connection (a re-encode that costs CPU per recording;
/// recordings packaged before keep what they have).
/// </summary>
public sealed record PlaybackSettingsResponse(bool LowBandwidthRendition);

/// <summary>The body of a change to the admin's academy's playback settings.</summary>
public sealed record PlaybackSettingsChange(bool LowBandwidthRendition);

public sealed record GetPlaybackSettingsQuery(Guid AcademyId) : IQuery<PlaybackSettingsResponse>;

public sealed record SetPlaybackSettingsCommand(Guid AcademyId, bool LowBandwidthRendition) : ICommand<PlaybackSettingsResponse>;

public sealed class GetPlaybackSettingsHandler(IApplicationDbContext db) : IQueryHandler<GetPlaybackSettingsQuery, PlaybackSettingsResponse>
{
    public async ValueTask<PlaybackSettingsResponse> Handle(GetPlaybackSettingsQuery query, CancellationToken cancellationToken) =>
        await db.Academies.AsNoTracking()
            .Where(a => a.Id == query.AcademyId)
            .Select(a => new PlaybackSettingsResponse(a.OffersLowBandwidthRendition))
            .SingleAsync(cancellationToken);
}

public sealed class SetPlaybackSettingsHandler(IApplicationDbContext db) : ICommandHandler<SetPlaybackSettingsCommand, PlaybackSettingsResponse>
{
    public async ValueTask<PlaybackSettingsResponse> Handle(SetPlaybackSettingsCommand command, CancellationToken cancellationToken)
    {
        var academy = await db.Academies.SingleAsync(a => a.Id == command.AcademyId, cancellationToken);
        academy.OfferLowBandwidthRendition(command.LowBandwidthRendition);
        await db.SaveChangesAsync(cancellationToken);
        return new PlaybackSettingsResponse(academy.OffersLowBandwidthRendition);
    }
}
