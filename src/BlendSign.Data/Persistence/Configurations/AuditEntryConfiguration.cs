using BlendSign.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Entity).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.EntityKey).HasMaxLength(128);
        builder.Property(a => a.SubjectName).HasMaxLength(256);
        builder.Property(a => a.Source).HasMaxLength(16);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Entity, a.At });
        builder.HasIndex(a => a.SliceId);
    }
}
