using BlendSign.Data.Scans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class SliceConfiguration : IEntityTypeConfiguration<Slice>
{
    public void Configure(EntityTypeBuilder<Slice> builder)
    {
        builder.HasIndex(s => s.SopInstanceUid).IsUnique();
        builder.HasIndex(s => new { s.ScanId, s.SliceIndex });
        builder.HasIndex(s => s.StoreKey);
        builder.Property(s => s.SopInstanceUid).HasMaxLength(64);
        builder.Property(s => s.StoreKey).HasMaxLength(64);
        builder.Property(s => s.TransferSyntaxUid).HasMaxLength(64);
    }
}
