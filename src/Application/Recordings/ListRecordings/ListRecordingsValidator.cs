using FluentValidation;

namespace ItqanRecording.Application.Recordings.ListRecordings;

public sealed class ListRecordingsValidator : AbstractValidator<ListRecordingsQuery>
{
    public ListRecordingsValidator(RecordingCatalogueFilterValidator filter)
    {
        // Errors name the query parameters (status, from), not the nesting (filter.status).
        RuleFor(q => q.Filter).SetValidator(filter).OverridePropertyName(string.Empty);
        RuleFor(q => q.Limit).InclusiveBetween(1, ListRecordingsQuery.MaxLimit);
        RuleFor(q => q.Cursor).MustBeCatalogueCursor();
    }
}
