using FluentValidation;
using ItqanRecording.Application.Common;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Learning.Transcripts;

/// <summary>
/// A transcript as listed: its language, when it was last changed, and whether the automatic transcriber wrote it
/// (a teacher's upload replaces it); the player loads it as captions.
/// </summary>
public sealed record TranscriptResponse(TranscriptLanguage Language, DateTimeOffset UpdatedAt, bool Automatic);

/// <summary>The recording's transcripts, for whoever may watch it.</summary>
public sealed record ListTranscriptsQuery(Guid RecordingId, Actor Actor) : IQuery<Result<IReadOnlyList<TranscriptResponse>>>;

/// <summary>One transcript's WebVTT text, for the player's captions track.</summary>
public sealed record GetTranscriptQuery(Guid RecordingId, string Language, Actor Actor) : IQuery<Result<string>>
{
    public const string ContentType = "text/vtt";
}

/// <summary>The session's teacher (or an admin) uploads or replaces the transcript in a language.</summary>
public sealed record PutTranscriptCommand(Guid RecordingId, string Language, Actor Actor, string WebVtt) : ICommand<Result<TranscriptResponse>>;

public sealed record DeleteTranscriptCommand(Guid RecordingId, string Language, Actor Actor) : ICommand<Result<Success>>;

public sealed class GetTranscriptValidator : AbstractValidator<GetTranscriptQuery>
{
    public GetTranscriptValidator() => RuleFor(q => q.Language).MustBeTranscriptLanguage();
}

public sealed class PutTranscriptValidator : AbstractValidator<PutTranscriptCommand>
{
    public PutTranscriptValidator()
    {
        RuleFor(c => c.Language).MustBeTranscriptLanguage();
        RuleFor(c => c.WebVtt).NotEmpty().MaximumLength(RecordingTranscript.MaxLength)
            .Must(RecordingTranscript.IsWebVtt).WithMessage("A transcript is a WebVTT file: its first line is WEBVTT.");
    }
}

public sealed class DeleteTranscriptValidator : AbstractValidator<DeleteTranscriptCommand>
{
    public DeleteTranscriptValidator() => RuleFor(c => c.Language).MustBeTranscriptLanguage();
}

internal static class TranscriptLanguageRule
{
    public static IRuleBuilderOptions<T, string> MustBeTranscriptLanguage<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(language => WireNames.TryParse<TranscriptLanguage>(language, out _))
            .WithMessage($"Language must be one of: {WireNames.All<TranscriptLanguage>()}.");

    public static TranscriptLanguage Parse(string language) =>
        WireNames.TryParse<TranscriptLanguage>(language, out var parsed) ? parsed : throw new ArgumentOutOfRangeException(nameof(language), language, null);
}

public sealed class ListTranscriptsHandler(IApplicationDbContext db, ISessionFinder sessions)
    : IQueryHandler<ListTranscriptsQuery, Result<IReadOnlyList<TranscriptResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<TranscriptResponse>>> Handle(ListTranscriptsQuery query, CancellationToken cancellationToken)
    {
        var found = await VisibleRecording.FindAsync(db, sessions, query.RecordingId, query.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        return await db.RecordingTranscripts.AsNoTracking()
            .Where(t => t.RecordingId == query.RecordingId)
            .OrderBy(t => t.Language)
            .Select(t => new TranscriptResponse(t.Language, t.UpdatedAt, t.UpdatedByUserId == null))
            .ToListAsync(cancellationToken);
    }
}

public sealed class GetTranscriptHandler(IApplicationDbContext db, ISessionFinder sessions) : IQueryHandler<GetTranscriptQuery, Result<string>>
{
    public async ValueTask<Result<string>> Handle(GetTranscriptQuery query, CancellationToken cancellationToken)
    {
        var found = await VisibleRecording.FindAsync(db, sessions, query.RecordingId, query.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var language = TranscriptLanguageRule.Parse(query.Language);
        var text = await db.RecordingTranscripts.AsNoTracking()
            .Where(t => t.RecordingId == query.RecordingId && t.Language == language)
            .Select(t => t.WebVtt)
            .SingleOrDefaultAsync(cancellationToken);
        return text is null ? LearningErrors.TranscriptNotFound : text;
    }
}

public sealed class PutTranscriptHandler(IApplicationDbContext db, ISessionFinder sessions, TimeProvider clock)
    : ICommandHandler<PutTranscriptCommand, Result<TranscriptResponse>>
{
    public async ValueTask<Result<TranscriptResponse>> Handle(PutTranscriptCommand command, CancellationToken cancellationToken)
    {
        var found = await ControlledRecording.FindAsync(db, sessions, command.RecordingId, command.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var transcript = await RecordingTranscripts.WriteAsync(
            db, found.Value.Id, found.Value.AcademyId, TranscriptLanguageRule.Parse(command.Language), command.WebVtt, command.Actor.UserId,
            clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new TranscriptResponse(transcript.Language, transcript.UpdatedAt, Automatic: false);
    }
}

public sealed class DeleteTranscriptHandler(IApplicationDbContext db, ISessionFinder sessions) : ICommandHandler<DeleteTranscriptCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(DeleteTranscriptCommand command, CancellationToken cancellationToken)
    {
        var found = await ControlledRecording.FindAsync(db, sessions, command.RecordingId, command.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var language = TranscriptLanguageRule.Parse(command.Language);
        var removed = await db.RecordingTranscripts
            .Where(t => t.RecordingId == command.RecordingId && t.Language == language)
            .ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? LearningErrors.TranscriptNotFound : new Success();
    }
}
