using FluentValidation;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Learning.Transcripts;

/// <summary>Where an automatic transcript stands: its media job's state, and why its last attempt failed.</summary>
public sealed record AutomaticTranscriptResponse(TranscriptLanguage Language, MediaJobState State, string? LastError);

/// <summary>
/// Whether this deployment has an automatic transcriber (<see cref="ITranscriber.IsConfigured"/>), and the recording's
/// automatic transcripts asked for so far, a language each: what the teacher's tools show and poll.
/// </summary>
public sealed record AutomaticTranscriptsResponse(bool TranscriberConfigured, IReadOnlyList<AutomaticTranscriptResponse> Transcripts);

/// <summary>For the session's teacher and the admins: <see cref="AutomaticTranscriptsResponse"/>.</summary>
public sealed record ListAutomaticTranscriptsQuery(Guid RecordingId, Actor Actor) : IQuery<Result<AutomaticTranscriptsResponse>>;

/// <summary>
/// The session's teacher (or an admin) asks the configured automatic transcriber for the recording's transcript in a
/// language; a media job writes it (replacing the transcript in that language) when it is done.
/// </summary>
public sealed record TranscribeAutomaticallyCommand(Guid RecordingId, string Language, Actor Actor) : ICommand<Result<AutomaticTranscriptResponse>>;

public sealed class TranscribeAutomaticallyValidator : AbstractValidator<TranscribeAutomaticallyCommand>
{
    public TranscribeAutomaticallyValidator() => RuleFor(c => c.Language).MustBeTranscriptLanguage();
}

public sealed class TranscribeAutomaticallyHandler(IApplicationDbContext db, ISessionFinder sessions, ITranscriber transcriber, TimeProvider clock)
    : ICommandHandler<TranscribeAutomaticallyCommand, Result<AutomaticTranscriptResponse>>
{
    public async ValueTask<Result<AutomaticTranscriptResponse>> Handle(TranscribeAutomaticallyCommand command, CancellationToken cancellationToken)
    {
        var found = await ControlledRecording.FindAsync(db, sessions, command.RecordingId, command.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        if (!transcriber.IsConfigured)
        {
            return LearningErrors.NoTranscriber;
        }

        var recording = found.Value;
        await db.MediaJobs.Where(j => j.RecordingId == recording.Id).LoadAsync(cancellationToken);
        var language = TranscriptLanguageRule.Parse(command.Language);
        var job = recording.QueueTranscript(language, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new AutomaticTranscriptResponse(language, job.State, job.LastError);
    }
}

public sealed class ListAutomaticTranscriptsHandler(IApplicationDbContext db, ISessionFinder sessions, ITranscriber transcriber)
    : IQueryHandler<ListAutomaticTranscriptsQuery, Result<AutomaticTranscriptsResponse>>
{
    public async ValueTask<Result<AutomaticTranscriptsResponse>> Handle(ListAutomaticTranscriptsQuery query, CancellationToken cancellationToken)
    {
        var found = await ControlledRecording.FindAsync(db, sessions, query.RecordingId, query.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var jobs = await db.MediaJobs.AsNoTracking()
            .Where(j => j.RecordingId == query.RecordingId && MediaTasks.Transcripts.Contains(j.Task))
            .Select(j => new { j.Task, j.State, j.LastError })
            .ToListAsync(cancellationToken);
        return new AutomaticTranscriptsResponse(
            transcriber.IsConfigured,
            [.. jobs
                .Select(j => new AutomaticTranscriptResponse(MediaTasks.TranscriptLanguageOf(j.Task)!.Value, j.State, j.LastError))
                .OrderBy(t => t.Language)]);
    }
}
