using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Email).HasMaxLength(320);
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PasswordHash).HasMaxLength(512);
        builder.Property(u => u.Role).HasConversion(new LowerCaseEnumConverter<UserRole>()).HasMaxLength(16);
        builder.HasOne<Academy>().WithMany().HasForeignKey(u => u.AcademyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AcademyConfiguration : IEntityTypeConfiguration<Academy>
{
    public void Configure(EntityTypeBuilder<Academy> builder)
    {
        builder.ToTable("academies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.ReviewBeforePublishing);
        builder.Property(a => a.TimeZoneId).HasColumnName("time_zone").HasMaxLength(64).HasDefaultValue(Academy.DefaultTimeZoneId);
        builder.HasMany(a => a.RecordingOverrides).WithOne().HasForeignKey(o => o.AcademyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.RecordingOverrides).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class AcademyRecordingOverrideConfiguration : IEntityTypeConfiguration<AcademyRecordingOverride>
{
    public void Configure(EntityTypeBuilder<AcademyRecordingOverride> builder)
    {
        builder.ToTable("academy_recording_overrides");
        builder.HasKey(o => new { o.AcademyId, o.SessionKind });
        builder.Property(o => o.SessionKind).HasConversion(new SessionKindConverter()).HasMaxLength(Domain.Sessions.SessionKind.MaxNameLength);
        builder.Property(o => o.Layout).HasMaxLength(64);
        builder.Property(o => o.EncodingPreset).HasMaxLength(64);
    }
}
