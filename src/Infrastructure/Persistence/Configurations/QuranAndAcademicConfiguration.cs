using ItqanRecording.Domain.Academic;
using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Quran;
using ItqanRecording.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

public sealed class QuranCircleConfiguration : IEntityTypeConfiguration<QuranCircle>
{
    public void Configure(EntityTypeBuilder<QuranCircle> builder)
    {
        builder.ToTable("quran_circles");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.Type).HasConversion(new LowerCaseEnumConverter<QuranCircleType>()).HasMaxLength(16);
        builder.HasOne<Academy>().WithMany().HasForeignKey(c => c.AcademyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Teacher).WithMany().HasForeignKey(c => c.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Students).WithOne().HasForeignKey(s => s.CircleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Students).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class QuranCircleStudentConfiguration : IEntityTypeConfiguration<QuranCircleStudent>
{
    public void Configure(EntityTypeBuilder<QuranCircleStudent> builder)
    {
        builder.ToTable("quran_circle_students");
        builder.HasKey(s => new { s.CircleId, s.StudentId });
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.StudentId);
    }
}

public sealed class PrivateLessonConfiguration : IEntityTypeConfiguration<PrivateLesson>
{
    public void Configure(EntityTypeBuilder<PrivateLesson> builder)
    {
        builder.ToTable("private_lessons");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Subject).HasMaxLength(300);
        builder.HasOne<Academy>().WithMany().HasForeignKey(l => l.AcademyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Teacher).WithMany().HasForeignKey(l => l.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.StudentId).OnDelete(DeleteBehavior.Restrict);
    }
}
