using BlendSign.Data.Scans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class ScanConfiguration : IEntityTypeConfiguration<Scan>
{
    public void Configure(EntityTypeBuilder<Scan> builder)
    {
        builder.HasIndex(s => s.PseudonymousId).IsUnique();
        builder.HasIndex(s => new { s.StudyInstanceUid, s.SeriesInstanceUid }).IsUnique();
        builder.Property(s => s.PseudonymousId).HasMaxLength(32);
        builder.Property(s => s.StudyInstanceUid).HasMaxLength(64);
        builder.Property(s => s.SeriesInstanceUid).HasMaxLength(64);
        builder.Property(s => s.Modality).HasMaxLength(16);
        builder.Property(s => s.Exclusion).HasConversion<string>().HasMaxLength(32);
        builder.HasMany(s => s.Slices).WithOne(s => s.Scan).HasForeignKey(s => s.ScanId).OnDelete(DeleteBehavior.Cascade);
    }
}
