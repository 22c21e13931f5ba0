using FluentValidation;

namespace ItqanRecording.Application.Recordings.GetRecordingCatalogueStatistics;

public sealed class GetRecordingCatalogueStatisticsValidator : AbstractValidator<GetRecordingCatalogueStatisticsQuery>
{
    public GetRecordingCatalogueStatisticsValidator(RecordingCatalogueFilterValidator filter)
    {
        // Errors name the query parameters (status, from), not the nesting (filter.status).
        RuleFor(q => q.Filter).SetValidator(filter).OverridePropertyName(string.Empty);
    }
}
