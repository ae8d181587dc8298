using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Labels;

/// <summary>
/// <c>labels import</c>: sets each (rater, slice) label a CSV gives, all rows or none. A file with any problem is
/// refused whole, naming the line of its first problem, and nothing is written.
/// </summary>
public sealed class LabelCsvImporter(
    IDbContextFactory<BlendSignDbContext> dbFactory,
    TimeProvider time,
    ILogger<LabelCsvImporter> logger)
{
    public async Task<LabelImportResult> ImportAsync(TextReader text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = LabelCsvParser.Parse(text);
        if (parsed.Rows.Count == 0 && parsed.Error is not null)
        {
            return Refuse(parsed.Error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var raterNames = parsed.Rows.Select(r => LabelRaters.Normalize(r.Rater)).Distinct().ToList();
        var raters = await db.Users
            .Where(u => raterNames.Contains(u.NormalizedUserName!))
            .Select(u => new { u.Id, u.NormalizedUserName })
            .ToDictionaryAsync(u => u.NormalizedUserName!, u => u.Id, StringComparer.Ordinal, cancellationToken);
        var sops = parsed.Rows.Select(r => r.SopInstanceUid).Distinct().ToList();
        var slices = await db.Slices
            .Where(s => sops.Contains(s.SopInstanceUid))
            .Select(s => new { s.Id, s.SopInstanceUid })
            .ToDictionaryAsync(s => s.SopInstanceUid, s => s.Id, StringComparer.Ordinal, cancellationToken);

        // Rows come in file order and stop before the parser's problem, so the first unknown one is the earliest problem.
        var unknown = parsed.Rows
            .Select(r => !raters.ContainsKey(LabelRaters.Normalize(r.Rater))
                ? new LabelImportError(r.LineNumber, $"no user named '{r.Rater}'.")
                : !slices.ContainsKey(r.SopInstanceUid)
                    ? new LabelImportError(r.LineNumber, $"no slice with SOP Instance UID '{r.SopInstanceUid}'.")
                    : null)
            .FirstOrDefault(e => e is not null);
        if ((unknown ?? parsed.Error) is { } error)
        {
            return Refuse(error);
        }

        var sliceIds = slices.Values.ToList();
        var existing = await db.SliceLabels
            .Where(l => sliceIds.Contains(l.SliceId))
            .ToDictionaryAsync(l => (l.SliceId, l.RaterId), cancellationToken);
        var now = time.GetUtcNow();
        int created = 0, changed = 0, unchanged = 0;
        foreach (var row in parsed.Rows)
        {
            var key = (SliceId: slices[row.SopInstanceUid], RaterId: raters[LabelRaters.Normalize(row.Rater)]);
            if (!existing.TryGetValue(key, out var label))
            {
                db.SliceLabels.Add(new SliceLabel { SliceId = key.SliceId, RaterId = key.RaterId, Label = row.Label, UpdatedAt = now });
                created++;
            }
            else if (label.Label != row.Label)
            {
                label.Label = row.Label;
                label.UpdatedAt = now;
                changed++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Imported labels from CSV: {Rows} rows by {Raters} raters; {Created} created, {Changed} changed, {Unchanged} unchanged",
            parsed.Rows.Count, raters.Count, created, changed, unchanged);
        return new LabelImportResult(parsed.Rows.Count, created, changed, unchanged, null);
    }

    private LabelImportResult Refuse(LabelImportError error)
    {
        // The message may quote a UID from the file; the log keeps only the line.
        logger.LogWarning("Refused a labels CSV at line {Line}; nothing was imported", error.LineNumber);
        return LabelImportResult.Refused(error);
    }
}
