using BlendSign.Data.Labels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class HemorrhageBoxConfiguration : IEntityTypeConfiguration<HemorrhageBox>
{
    public void Configure(EntityTypeBuilder<HemorrhageBox> builder)
    {
        builder.HasIndex(b => new { b.SliceId, b.RaterId });
        builder.HasOne(b => b.Slice).WithMany().HasForeignKey(b => b.SliceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.Rater).WithMany().HasForeignKey(b => b.RaterId).OnDelete(DeleteBehavior.Restrict);
    }
}
