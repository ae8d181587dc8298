using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Reading.Load;

public sealed class LoadVerifier(IDbContextFactory<BlendSignDbContext> dbFactory)
{
    /// <summary>The newest audit entry's id before the run: the run's label entries come after it.</summary>
    public async Task<long> AuditWatermarkAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
    }

    public async Task<LoadVerification> VerifyAsync(
        IReadOnlyList<LoadAccount> accounts, IReadOnlyList<SaveAttempt> attempts, long auditWatermark, CancellationToken cancellationToken)
    {
        var ids = accounts.ToDictionary(a => a.UserName, a => a.UserId, StringComparer.Ordinal);
        var raterIds = ids.Values.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var labelRows = (await db.SliceLabels.AsNoTracking()
                .Where(l => raterIds.Contains(l.RaterId))
                .Select(l => new { l.RaterId, l.Slice.SopInstanceUid, l.Label })
                .ToListAsync(cancellationToken))
            .ToLookup(l => (l.RaterId, l.SopInstanceUid), l => l.Label);
        var auditRows = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.Id > auditWatermark && e.Entity == AuditEntity.Label && e.ActorId != null && raterIds.Contains(e.ActorId))
                .OrderBy(e => e.Id)
                .Select(e => new { ActorId = e.ActorId!, e.EntityKey, e.NewValue })
                .ToListAsync(cancellationToken))
            .ToLookup(e => (e.ActorId, e.EntityKey), e => e.NewValue);

        var written = attempts.Where(a => a.Answer != SaveAnswer.Refused)
            .GroupBy(a => (ids[a.Rater], a.SopInstanceUid))
            .ToDictionary(g => g.Key, g => g.ToList());
        var tally = new Tally();
        foreach (var (pair, writes) in written)
        {
            tally.Check(writes, labelRows[pair].ToList(), auditRows[pair].ToList());
        }

        // Label rows and audit entries of the load raters for slices they did not write in this run cannot come from it:
        // only duplicate rows (earlier runs' labels stay) and any audit entry count.
        tally.DuplicatedLabels += labelRows.Where(g => !written.ContainsKey(g.Key)).Sum(g => Math.Max(0, g.Count() - 1));
        tally.DuplicatedAuditEntries += auditRows.Where(g => !written.ContainsKey(g.Key)).Sum(g => g.Count());
        return new LoadVerification(attempts.Count(a => a.Answer == SaveAnswer.Acknowledged), written.Count, tally.UncertainPairs,
            tally.LostLabels, tally.LostAuditEntries, tally.DuplicatedLabels, tally.DuplicatedAuditEntries);
    }

    private sealed class Tally
    {
        public int UncertainPairs { get; private set; }
        public int LostLabels { get; private set; }
        public int LostAuditEntries { get; private set; }
        public int DuplicatedLabels { get; set; }
        public int DuplicatedAuditEntries { get; set; }

        /// <summary>One (rater, slice): its writes in order, its label rows now, its audit entries' new values in order.</summary>
        public void Check(List<SaveAttempt> writes, List<HemorrhageClass> labels, List<string?> audit)
        {
            DuplicatedLabels += Math.Max(0, labels.Count - 1);
            var lastAcknowledged = writes.FindLastIndex(w => w.Answer == SaveAnswer.Acknowledged);
            if (lastAcknowledged >= 0)
            {
                // The label now: the last acknowledged one, or one of the unanswered writes after it.
                var allowed = writes.Skip(lastAcknowledged + 1).Where(w => w.Answer == SaveAnswer.Unknown).Select(w => w.Label)
                    .Append(writes[lastAcknowledged].Label)
                    .ToHashSet();
                if (labels.Count != 1 || !allowed.Contains(labels[0]))
                {
                    LostLabels++;
                }
            }

            if (writes.Any(w => w.Answer == SaveAnswer.Unknown))
            {
                UncertainPairs++;
                DuplicatedAuditEntries += Math.Max(0, audit.Count - writes.Count);
                return;
            }

            // Every acknowledged save changed the label, so the audit trail holds one entry with its value per save.
            var expected = writes.CountBy(w => w.Label.ToWireName()).ToDictionary();
            var found = audit.CountBy(v => v ?? "").ToDictionary();
            LostAuditEntries += expected.Sum(e => Math.Max(0, e.Value - found.GetValueOrDefault(e.Key)));
            DuplicatedAuditEntries += found.Sum(f => Math.Max(0, f.Value - expected.GetValueOrDefault(f.Key)));
        }
    }
}
