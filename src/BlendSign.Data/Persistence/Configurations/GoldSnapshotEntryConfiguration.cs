using BlendSign.Data.Gold;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class GoldSnapshotEntryConfiguration : IEntityTypeConfiguration<GoldSnapshotEntry>
{
    public void Configure(EntityTypeBuilder<GoldSnapshotEntry> builder)
    {
        builder.HasIndex(e => new { e.GoldSnapshotId, e.SliceId }).IsUnique();
        builder.Property(e => e.Label).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(e => e.Slice).WithMany().HasForeignKey(e => e.SliceId).OnDelete(DeleteBehavior.Cascade);
    }
}
