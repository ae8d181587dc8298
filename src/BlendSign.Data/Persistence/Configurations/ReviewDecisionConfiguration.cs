using BlendSign.Data.Gold;
using BlendSign.Data.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> builder)
    {
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.OldLabel).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.NewLabel).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Reason).HasMaxLength(2000);
        builder.Property(d => d.ReviewerName).HasMaxLength(256);
        builder.HasIndex(d => new { d.TrainingRunId, d.SliceId });
        builder.HasIndex(d => d.SliceId);
        builder.HasOne(d => d.Slice).WithMany().HasForeignKey(d => d.SliceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.TrainingRun).WithMany().HasForeignKey(d => d.TrainingRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GoldSnapshot>().WithMany().HasForeignKey(d => d.GoldSnapshotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GoldSnapshot>().WithMany().HasForeignKey(d => d.ResultSnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}
