using ItqanRecording.Application.Analytics;

namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>Computes the analytics dashboard in the database (set-based SQL over recordings, progress and attendance).</summary>
public interface IRecordingAnalytics
{
    Task<AnalyticsReport> ReportAsync(AnalyticsScope scope, CancellationToken cancellationToken);
}
