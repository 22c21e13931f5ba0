using ItqanRecording.Application.Common.Egress;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

public sealed class EgressStartIntentConfiguration : IEntityTypeConfiguration<EgressStartIntent>
{
    public void Configure(EntityTypeBuilder<EgressStartIntent> builder)
    {
        // Written by PostgresEgressStartIntents with its own INSERT: keep its column list in step.
        builder.ToTable("egress_start_intents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.RoomName).HasMaxLength(256);
        builder.Property(i => i.FilePath).HasMaxLength(1024);
        builder.HasIndex(i => i.RequestedAt);
    }
}
