using BlendSign.Data.Gold;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlendSign.Data.Persistence.Configurations;

public sealed class AdjudicationConfiguration : IEntityTypeConfiguration<Adjudication>
{
    public void Configure(EntityTypeBuilder<Adjudication> builder)
    {
        builder.HasIndex(a => a.SliceId).IsUnique();
        builder.Property(a => a.Label).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.DecidedByName).HasMaxLength(256);
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.HasOne(a => a.Slice).WithMany().HasForeignKey(a => a.SliceId).OnDelete(DeleteBehavior.Cascade);
    }
}
