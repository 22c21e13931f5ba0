using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

/// <summary>
/// The catalogue's daily totals. The trigger that keeps them and the function that rebuilds them are SQL in the
/// migration RecordingDailyTotals.
/// </summary>
public sealed class RecordingDailyTotalConfiguration : IEntityTypeConfiguration<RecordingDailyTotal>
{
    public void Configure(EntityTypeBuilder<RecordingDailyTotal> builder)
    {
        builder.ToTable("recording_daily_totals");
        builder.HasKey(t => new { t.AcademyId, t.Day, t.TeacherId, t.SessionKind, t.Status });
        builder.Property(t => t.SessionKind).HasConversion(new SessionKindConverter()).HasMaxLength(SessionKind.MaxNameLength);
        builder.Property(t => t.Status).HasConversion(new LowerCaseEnumConverter<RecordingStatus>()).HasMaxLength(16);
        builder.Property(t => t.Seconds).HasColumnType("numeric");

        // Every write to a recording updates a row here and no indexed column changes, so room on the page lets
        // PostgreSQL update in place (HOT) instead of adding an index entry each time.
        builder.HasStorageParameter("fillfactor", 70);
    }
}
