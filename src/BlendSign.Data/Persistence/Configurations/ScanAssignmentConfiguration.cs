using BlendSign.Data.Assignments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class ScanAssignmentConfiguration : IEntityTypeConfiguration<ScanAssignment>
{
    public void Configure(EntityTypeBuilder<ScanAssignment> builder)
    {
        builder.HasIndex(a => new { a.ScanId, a.RaterId }).IsUnique();
        builder.HasIndex(a => a.RaterId);
        builder.HasOne(a => a.Scan).WithMany().HasForeignKey(a => a.ScanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Rater).WithMany().HasForeignKey(a => a.RaterId).OnDelete(DeleteBehavior.Cascade);
    }
}
