using BlendSign.Data.Gold;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class GoldSnapshotBoxConfiguration : IEntityTypeConfiguration<GoldSnapshotBox>
{
    public void Configure(EntityTypeBuilder<GoldSnapshotBox> builder)
    {
        builder.HasIndex(b => new { b.GoldSnapshotId, b.SliceId });
        builder.HasOne(b => b.Slice).WithMany().HasForeignKey(b => b.SliceId).OnDelete(DeleteBehavior.Cascade);
    }
}
