using BlendSign.Data.Accounts;
using BlendSign.Data.Assignments;
using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Review;
using BlendSign.Data.Scans;
using BlendSign.Data.Training;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Persistence;

// Contexts of exactly this type carry SQLite's migration history; PostgreSQL's is PostgresBlendSignDbContext's.
public class BlendSignDbContext(DbContextOptions<BlendSignDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Scan> Scans => Set<Scan>();
    public DbSet<Slice> Slices => Set<Slice>();
    public DbSet<SliceLabel> SliceLabels => Set<SliceLabel>();
    public DbSet<HemorrhageBox> HemorrhageBoxes => Set<HemorrhageBox>();
    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();
    public DbSet<SlicePrediction> SlicePredictions => Set<SlicePrediction>();
    public DbSet<ScanAssignment> ScanAssignments => Set<ScanAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Adjudication> Adjudications => Set<Adjudication>();
    public DbSet<GoldSnapshot> GoldSnapshots => Set<GoldSnapshot>();
    public DbSet<GoldSnapshotEntry> GoldSnapshotEntries => Set<GoldSnapshotEntry>();
    public DbSet<GoldSnapshotBox> GoldSnapshotBoxes => Set<GoldSnapshotBox>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();

    /// <summary>ASP.NET Data Protection's keys: a sign-in made on one web node is valid on every other.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit trail is append-only; a change or delete of an entry is a programming error.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: entries cannot be changed or deleted.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BlendSignDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks instead (on PostgreSQL too: one model, one meaning).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToTicksConverter>();
    }
}
