using BlendSign.Data.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class TrainingRunConfiguration : IEntityTypeConfiguration<TrainingRun>
{
    public void Configure(EntityTypeBuilder<TrainingRun> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => r.Status);
        builder.Property(r => r.AblationGroup).HasMaxLength(64);
        builder.Property(r => r.Variant).HasMaxLength(32);
        builder.Property(r => r.WorkerId).HasMaxLength(128);
        builder.HasIndex(r => r.AblationGroup);
        builder.HasOne(r => r.GoldSnapshot).WithMany().HasForeignKey(r => r.GoldSnapshotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Predictions).WithOne(p => p.TrainingRun)
            .HasForeignKey(p => p.TrainingRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
