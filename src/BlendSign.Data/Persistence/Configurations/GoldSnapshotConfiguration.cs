using BlendSign.Data.Gold;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class GoldSnapshotConfiguration : IEntityTypeConfiguration<GoldSnapshot>
{
    public void Configure(EntityTypeBuilder<GoldSnapshot> builder)
    {
        builder.HasIndex(s => s.ContentHash).IsUnique();
        builder.Property(s => s.ContentHash).HasMaxLength(64);
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.Property(s => s.CreatedByName).HasMaxLength(256);
        builder.HasMany(s => s.Entries).WithOne(e => e.GoldSnapshot)
            .HasForeignKey(e => e.GoldSnapshotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Boxes).WithOne(b => b.GoldSnapshot)
            .HasForeignKey(b => b.GoldSnapshotId).OnDelete(DeleteBehavior.Cascade);
    }
}
