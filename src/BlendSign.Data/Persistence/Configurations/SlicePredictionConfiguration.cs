using BlendSign.Data.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class SlicePredictionConfiguration : IEntityTypeConfiguration<SlicePrediction>
{
    public void Configure(EntityTypeBuilder<SlicePrediction> builder)
    {
        builder.HasIndex(p => new { p.TrainingRunId, p.SliceId }).IsUnique();
        builder.Property(p => p.GoldLabel).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(p => p.Slice).WithMany().HasForeignKey(p => p.SliceId).OnDelete(DeleteBehavior.Cascade);
    }
}
