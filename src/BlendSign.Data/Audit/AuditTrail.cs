using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Audit;

public sealed class AuditTrail(IDbContextFactory<BlendSignDbContext> dbFactory)
{
    public const int MaxPageSize = 500;
    private const string Escape = "\\";

    public async Task<AuditTrailPage> SearchAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (filter.Entity is { } entity)
        {
            entries = entries.Where(e => e.Entity == entity);
        }

        if (Pattern(filter.Actor) is { } actor)
        {
            entries = entries.Where(e => EF.Functions.Like(e.ActorName.ToLower(), actor, Escape));
        }

        if (Pattern(filter.Subject) is { } subject)
        {
            entries = entries.Where(e => e.SubjectName != null && EF.Functions.Like(e.SubjectName.ToLower(), subject, Escape));
        }

        if (Pattern(filter.Key) is { } key)
        {
            entries = entries.Where(e => EF.Functions.Like(e.EntityKey.ToLower(), key, Escape)
                || db.Scans.Any(s => s.Id == e.ScanId && EF.Functions.Like(s.PseudonymousId.ToLower(), key, Escape)));
        }

        if (filter.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (filter.To is { } to)
        {
            entries = entries.Where(e => e.At <= to);
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(skip).Take(Math.Min(take, MaxPageSize))
            .Select(e => new AuditTrailItem(e, db.Scans.Where(s => s.Id == e.ScanId).Select(s => s.PseudonymousId).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new AuditTrailPage(total, page);
    }

    /// <summary>
    /// A lower-case LIKE pattern matching the text anywhere, or null for no filter. The columns are lowered too: SQLite's
    /// LIKE ignores ASCII case but PostgreSQL's does not, and a search should find the same rows on both.
    /// </summary>
    private static string? Pattern(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
