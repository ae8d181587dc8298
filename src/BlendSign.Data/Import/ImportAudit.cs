using BlendSign.Data.Audit;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Import;

/// <summary>Every import in the audit trail: who, from what kind of source, and the counts (never a file or patient name).</summary>
public static class ImportAudit
{
    public static async Task RecordAsync(
        IDbContextFactory<BlendSignDbContext> dbFactory, AuditActor actor, string source, ImportReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(report);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Record(actor, AuditAction.Create, AuditEntity.Import, source, null, new
        {
            files = report.Files,
            imported = report.Imported,
            duplicates = report.Duplicates,
            rejected = report.Rejected,
            scans = report.Scans,
            slices = report.Slices,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
