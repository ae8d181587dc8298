using BlendSign.Data.Audit;
using BlendSign.Data.Csv;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Labels;

/// <summary>All rows or none; each created or changed label is audited (source csv) in the same transaction.</summary>
public sealed class LabelCsvImporter(
    IDbContextFactory<BlendSignDbContext> dbFactory,
    TimeProvider time,
    ILogger<LabelCsvImporter> logger)
{
    /// <param name="actor">Who imports; recorded on every audit entry (the rater of each label is the entry's subject).</param>
    public async Task<LabelImportResult> ImportAsync(TextReader text, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(actor);
        var parsed = LabelCsvParser.Parse(text);
        if (parsed.Rows.Count == 0 && parsed.Error is not null)
        {
            return Refuse(parsed.Error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var targets = await RaterSliceTargets.LoadAsync(db, parsed.Rows, cancellationToken);

        // Rows come in file order and stop before the parser's problem, so the first unknown one is the earliest problem.
        if ((parsed.Rows.Select(targets.Unknown).FirstOrDefault(e => e is not null) ?? parsed.Error) is { } error)
        {
            return Refuse(error);
        }

        var sliceIds = targets.Slices.Select(s => s.Id).ToList();
        var existing = await db.SliceLabels
            .Where(l => sliceIds.Contains(l.SliceId))
            .ToDictionaryAsync(l => (l.SliceId, l.RaterId), cancellationToken);
        var now = time.GetUtcNow();
        int created = 0, changed = 0, unchanged = 0;
        foreach (var row in parsed.Rows)
        {
            var (rater, slice) = (targets.RaterOf(row), targets.SliceOf(row));
            HemorrhageClass? old = null;
            if (!existing.TryGetValue((slice.Id, rater.Id), out var label))
            {
                db.SliceLabels.Add(new SliceLabel { SliceId = slice.Id, RaterId = rater.Id, Label = row.Label, UpdatedAt = now });
                created++;
            }
            else if (label.Label != row.Label)
            {
                old = label.Label;
                label.Label = row.Label;
                label.UpdatedAt = now;
                changed++;
            }
            else
            {
                unchanged++;
                continue;
            }

            db.Record(actor, old is null ? AuditAction.Create : AuditAction.Change, AuditEntity.Label, slice.SopInstanceUid,
                old?.ToWireName(), row.Label.ToWireName(), slice.ScanId, slice.Id, rater.UserName);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Imported labels from CSV: {Rows} rows; {Created} created, {Changed} changed, {Unchanged} unchanged",
            parsed.Rows.Count, created, changed, unchanged);
        return new LabelImportResult(parsed.Rows.Count, created, changed, unchanged, null);
    }

    private LabelImportResult Refuse(CsvImportError error)
    {
        // The message may quote a UID from the file; the log keeps only the line.
        logger.LogWarning("Refused a labels CSV at line {Line}; nothing was imported", error.LineNumber);
        return LabelImportResult.Refused(error);
    }
}
