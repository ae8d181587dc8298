using BlendSign.Data.Accounts;
using BlendSign.Data.Labels;
using BlendSign.Data.Scans;
using BlendSign.Data.Training;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Persistence;

public class BlendSignDbContext(DbContextOptions<BlendSignDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Scan> Scans => Set<Scan>();
    public DbSet<Slice> Slices => Set<Slice>();
    public DbSet<SliceLabel> SliceLabels => Set<SliceLabel>();
    public DbSet<HemorrhageBox> HemorrhageBoxes => Set<HemorrhageBox>();
    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();
    public DbSet<SlicePrediction> SlicePredictions => Set<SlicePrediction>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BlendSignDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToTicksConverter>();
    }
}
