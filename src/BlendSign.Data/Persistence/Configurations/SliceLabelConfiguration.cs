using BlendSign.Data.Labels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class SliceLabelConfiguration : IEntityTypeConfiguration<SliceLabel>
{
    public void Configure(EntityTypeBuilder<SliceLabel> builder)
    {
        builder.HasIndex(l => new { l.SliceId, l.RaterId }).IsUnique();
        builder.Property(l => l.Label).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(l => l.Slice).WithMany().HasForeignKey(l => l.SliceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Rater).WithMany().HasForeignKey(l => l.RaterId).OnDelete(DeleteBehavior.Restrict);
    }
}
