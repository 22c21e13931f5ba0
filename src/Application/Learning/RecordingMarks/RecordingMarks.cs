using FluentValidation;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Learning.RecordingMarks;

/// <summary>The recording's chapters and the asker's own bookmarks, in the order they come in the recording.</summary>
public sealed record ListRecordingMarksQuery(Guid RecordingId, Actor Actor) : IQuery<Result<IReadOnlyList<RecordingMarkResponse>>>;

/// <summary>A chapter (the session's teacher, the admins) or a bookmark of one's own, at a moment of the recording.</summary>
public sealed record AddRecordingMarkCommand(Guid RecordingId, Actor Actor, RecordingMarkKind Kind, double AtSeconds, string? Label)
    : ICommand<Result<RecordingMarkResponse>>;

/// <summary>Moves or renames a mark: a chapter by the session's teacher or an admin, a bookmark by its owner.</summary>
public sealed record ChangeRecordingMarkCommand(Guid RecordingId, Guid MarkId, Actor Actor, double AtSeconds, string? Label)
    : ICommand<Result<RecordingMarkResponse>>;

public sealed record DeleteRecordingMarkCommand(Guid RecordingId, Guid MarkId, Actor Actor) : ICommand<Result<Success>>;

public sealed class AddRecordingMarkValidator : AbstractValidator<AddRecordingMarkCommand>
{
    public AddRecordingMarkValidator()
    {
        RuleFor(c => c.AtSeconds).GreaterThanOrEqualTo(0);
        RuleFor(c => c.Label).MaximumLength(RecordingMark.MaxLabelLength);
        RuleFor(c => c.Kind).IsInEnum();
    }
}

public sealed class ChangeRecordingMarkValidator : AbstractValidator<ChangeRecordingMarkCommand>
{
    public ChangeRecordingMarkValidator()
    {
        RuleFor(c => c.AtSeconds).GreaterThanOrEqualTo(0);
        RuleFor(c => c.Label).MaximumLength(RecordingMark.MaxLabelLength);
    }
}

public sealed class ListRecordingMarksHandler(IApplicationDbContext db, ISessionFinder sessions)
    : IQueryHandler<ListRecordingMarksQuery, Result<IReadOnlyList<RecordingMarkResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<RecordingMarkResponse>>> Handle(ListRecordingMarksQuery query, CancellationToken cancellationToken)
    {
        var found = await MarkableRecording.FindAsync(db, sessions, query.RecordingId, query.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var marks = await db.RecordingMarks.AsNoTracking()
            .Where(m => m.RecordingId == query.RecordingId && (m.Kind == RecordingMarkKind.Chapter || m.UserId == query.Actor.UserId))
            .OrderBy(m => m.AtSeconds)
            .ToListAsync(cancellationToken);
        var chaptersEditable = await found.Value.ChaptersEditableByAsync(sessions, query.Actor, cancellationToken);
        return marks.Select(m => RecordingMarkResponse.From(m, query.Actor.UserId, chaptersEditable)).ToList();
    }
}

public sealed class AddRecordingMarkHandler(IApplicationDbContext db, ISessionFinder sessions, TimeProvider clock)
    : ICommandHandler<AddRecordingMarkCommand, Result<RecordingMarkResponse>>
{
    public async ValueTask<Result<RecordingMarkResponse>> Handle(AddRecordingMarkCommand command, CancellationToken cancellationToken)
    {
        var found = await MarkableRecording.FindAsync(db, sessions, command.RecordingId, command.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var at = TimeSpan.FromSeconds(command.AtSeconds);
        if (await found.Value.RefusalAsync(sessions, command.Actor, command.Kind, at, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var mark = RecordingMark.Create(found.Value.Id, found.Value.AcademyId, command.Actor.UserId, command.Kind, at, command.Label, clock.GetUtcNow());
        db.RecordingMarks.Add(mark);
        await db.SaveChangesAsync(cancellationToken);
        return RecordingMarkResponse.From(mark, command.Actor.UserId, chaptersEditable: true);
    }
}

public sealed class ChangeRecordingMarkHandler(IApplicationDbContext db, ISessionFinder sessions)
    : ICommandHandler<ChangeRecordingMarkCommand, Result<RecordingMarkResponse>>
{
    public async ValueTask<Result<RecordingMarkResponse>> Handle(ChangeRecordingMarkCommand command, CancellationToken cancellationToken)
    {
        var at = TimeSpan.FromSeconds(command.AtSeconds);
        var editable = await MarkableRecording.FindEditableMarkAsync(db, sessions, command.RecordingId, command.MarkId, command.Actor, at, cancellationToken);
        if (!editable.IsSuccess)
        {
            return editable.Error;
        }

        editable.Value.Change(at, command.Label);
        await db.SaveChangesAsync(cancellationToken);
        return RecordingMarkResponse.From(editable.Value, command.Actor.UserId, chaptersEditable: true);
    }
}

public sealed class DeleteRecordingMarkHandler(IApplicationDbContext db, ISessionFinder sessions)
    : ICommandHandler<DeleteRecordingMarkCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(DeleteRecordingMarkCommand command, CancellationToken cancellationToken)
    {
        var editable = await MarkableRecording.FindEditableMarkAsync(db, sessions, command.RecordingId, command.MarkId, command.Actor, TimeSpan.Zero, cancellationToken);
        if (!editable.IsSuccess)
        {
            return editable.Error;
        }

        db.RecordingMarks.Remove(editable.Value);
        await db.SaveChangesAsync(cancellationToken);
        return new Success();
    }
}
