using BlendSign.Data.Dicom;
using BlendSign.Data.Persistence;
using BlendSign.Data.Scans;
using BlendSign.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Import;

// Store files are written as slices arrive, so disk writes spread over the run and no database lock is held meanwhile;
// every BatchSize slices one short transaction checks again, inserts the rows and renumbers the touched scans. Files of
// slices that end up not imported (a failed or cancelled batch, another writer first) are removed.
internal sealed class ImportBatchWriter(
    IDbContextFactory<BlendSignDbContext> dbFactory,
    BlendSignDbContext lookup,
    SliceStore store,
    TimeProvider time,
    ILogger logger) : IAsyncDisposable
{
    private const string ConflictReason = "conflict: this SOP Instance UID was already imported with different pixels";
    internal const string DuplicateReason = "already imported: the same SOP Instance UID with the same pixels; kept once";

    private readonly List<(int Sequence, ImportItem Item)> _items = [];
    private readonly List<PendingSlice> _pending = [];
    private readonly Dictionary<string, string> _pendingKeys = new(StringComparer.Ordinal);
    private readonly HashSet<int> _touchedScanIds = [];
    private int _imported;
    private int _duplicates;
    private int _rejected;

    public static async Task<ImportBatchWriter> CreateAsync(
        IDbContextFactory<BlendSignDbContext> dbFactory, SliceStore store, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken)
    {
        var lookup = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new ImportBatchWriter(dbFactory, lookup, store, time, logger);
    }

    public int PendingCount => _pending.Count;

    /// <summary>Slices waiting for their batch's commit count as imported here: a bar that lagged by a batch would mislead.</summary>
    public ImportProgress Progress(string? currentFile) =>
        new(_items.Count + _pending.Count, _imported + _pending.Count, _duplicates, _rejected, currentFile);

    public async Task AcceptAsync(DecodeOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Rejection is not null || outcome.Header is not { } header || outcome.Slice is not { } slice)
        {
            Record(outcome.Sequence, new ImportItem(outcome.File, ImportItemStatus.Rejected, outcome.Header?.SopInstanceUid,
                outcome.Rejection ?? "file could not be decoded"));
            return;
        }

        var sop = header.SopInstanceUid;
        if (_pendingKeys.TryGetValue(sop, out var pendingKey))
        {
            Record(outcome.Sequence, Verdict(outcome.File, sop, slice.Key, pendingKey));
            return;
        }

        var known = await lookup.Slices.AsNoTracking()
            .Where(s => s.SopInstanceUid == sop)
            .Select(s => new { s.StoreKey, s.ScanId })
            .FirstOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            _touchedScanIds.Add(known.ScanId);
            Record(outcome.Sequence, Verdict(outcome.File, sop, slice.Key, known.StoreKey));
            return;
        }

        var created = store.Write(slice);
        _pending.Add(new PendingSlice(outcome.Sequence, outcome.File, header, slice.Key, slice.Rows, slice.Columns, created));
        _pendingKeys.Add(sop, slice.Key);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var result = await CommitAsync(cancellationToken);
        foreach (var (sequence, item) in result.Items)
        {
            Record(sequence, item);
        }

        _touchedScanIds.UnionWith(result.ScanIds);
        // Another writer imported some of these SOP instances first: their files are not ours to keep.
        RemoveCreatedFiles(result.Lost, keep: result.ImportedKeys);
        _pending.Clear();
        _pendingKeys.Clear();
    }

    public async Task<ImportReport> ReportAsync(CancellationToken cancellationToken)
    {
        var scanIds = _touchedScanIds.ToList();
        var slices = scanIds.Count == 0 ? 0 : await lookup.Slices.CountAsync(s => scanIds.Contains(s.ScanId), cancellationToken);
        var items = _items.OrderBy(i => i.Sequence).Select(i => i.Item).ToList();
        return new ImportReport(items.Count, _imported, _duplicates, _rejected, scanIds.Count, slices, items);
    }

    /// <summary>Slices still pending here were never committed (the run failed or was cancelled): take back their files.</summary>
    public async ValueTask DisposeAsync()
    {
        RemoveCreatedFiles(_pending, keep: new HashSet<string>());
        _pending.Clear();
        await lookup.DisposeAsync();
    }

    private static ImportItem Verdict(string file, string sop, string key, string existingKey) =>
        key == existingKey
            ? new ImportItem(file, ImportItemStatus.Duplicate, sop, DuplicateReason)
            : new ImportItem(file, ImportItemStatus.Rejected, sop, ConflictReason);

    private void Record(int sequence, ImportItem item)
    {
        _items.Add((sequence, item));
        switch (item.Status)
        {
            case ImportItemStatus.Imported:
                _imported++;
                break;
            case ImportItemStatus.Duplicate:
                _duplicates++;
                break;
            default:
                _rejected++;
                break;
        }
    }

    private void RemoveCreatedFiles(IEnumerable<PendingSlice> slices, IReadOnlySet<string> keep)
    {
        foreach (var slice in slices.Where(s => s.CreatedStoreFile && !keep.Contains(s.StoreKey)))
        {
            try
            {
                store.Delete(slice.StoreKey);
            }
            catch (IOException exception)
            {
                logger.LogWarning("Store file of an abandoned slice could not be removed: {Error}", exception.Message);
            }
        }
    }

    private async Task<BatchResult> CommitAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // SQLite's BEGIN IMMEDIATE: from the check below to the commit no other writer comes in between.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var sops = _pending.Select(p => p.Header.SopInstanceUid).ToList();
        var known = await db.Slices.Where(s => sops.Contains(s.SopInstanceUid))
            .Select(s => new { s.SopInstanceUid, s.StoreKey, s.ScanId })
            .ToDictionaryAsync(s => s.SopInstanceUid, StringComparer.Ordinal, cancellationToken);
        var scans = await LoadScansAsync(db, cancellationToken);
        var result = new BatchResult();
        var touchedScans = new HashSet<Scan>();
        int? nextPseudonym = null;

        foreach (var pending in _pending)
        {
            var header = pending.Header;
            if (known.TryGetValue(header.SopInstanceUid, out var existing))
            {
                result.Items.Add((pending.Sequence, Verdict(pending.File, header.SopInstanceUid, pending.StoreKey, existing.StoreKey)));
                result.ScanIds.Add(existing.ScanId);
                result.Lost.Add(pending);
                continue;
            }

            if (!scans.TryGetValue((header.StudyInstanceUid, header.SeriesInstanceUid), out var scan))
            {
                var number = nextPseudonym
                    ?? ScanPseudonyms.Next(await db.Scans.Select(s => s.PseudonymousId).ToListAsync(cancellationToken));
                nextPseudonym = number + 1;
                scan = NewScan(header, ScanPseudonyms.Format(number));
                scans.Add((header.StudyInstanceUid, header.SeriesInstanceUid), scan);
                db.Scans.Add(scan);
                logger.LogDebug("New scan {ScanId} ({Modality})", scan.PseudonymousId, scan.Modality);
            }

            scan.Slices.Add(NewSlice(pending));
            touchedScans.Add(scan);
            result.ImportedKeys.Add(pending.StoreKey);
            result.Items.Add((pending.Sequence, new ImportItem(pending.File, ImportItemStatus.Imported, header.SopInstanceUid,
                header.Cuts.Count == 0 ? null : string.Join("; ", header.Cuts))));
        }

        await RenumberAsync(db, touchedScans, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        result.ScanIds.UnionWith(touchedScans.Select(s => s.Id));
        return result;
    }

    private async Task<Dictionary<(string Study, string Series), Scan>> LoadScansAsync(
        BlendSignDbContext db, CancellationToken cancellationToken)
    {
        var studies = _pending.Select(p => p.Header.StudyInstanceUid).Distinct().ToList();
        var candidates = await db.Scans.Where(s => studies.Contains(s.StudyInstanceUid)).ToListAsync(cancellationToken);
        return candidates.ToDictionary(s => (s.StudyInstanceUid, s.SeriesInstanceUid));
    }

    private static async Task RenumberAsync(BlendSignDbContext db, HashSet<Scan> scans, CancellationToken cancellationToken)
    {
        var existingIds = scans.Where(s => s.Id != 0).Select(s => s.Id).ToList();
        if (existingIds.Count > 0)
        {
            // Tracked: EF adds them to each scan's Slices beside the new ones.
            await db.Slices.Where(s => existingIds.Contains(s.ScanId)).LoadAsync(cancellationToken);
        }

        foreach (var scan in scans)
        {
            SliceOrdering.Reindex(scan.Slices);
        }
    }

    private Scan NewScan(DicomSliceHeader header, string pseudonymousId) => new()
    {
        PseudonymousId = pseudonymousId,
        StudyInstanceUid = header.StudyInstanceUid,
        SeriesInstanceUid = header.SeriesInstanceUid,
        Modality = header.Modality,
        SeriesDescription = header.SeriesDescription,
        PatientAgeYears = header.PatientAgeYears,
        ImportedAt = time.GetUtcNow(),
    };

    private static Slice NewSlice(PendingSlice pending) => new()
    {
        SopInstanceUid = pending.Header.SopInstanceUid,
        InstanceNumber = pending.Header.InstanceNumber,
        Position = SliceOrdering.PositionAlongNormal(pending.Header.ImagePositionPatient, pending.Header.ImageOrientationPatient),
        Rows = pending.Rows,
        Columns = pending.Columns,
        PixelSpacingRow = pending.Header.PixelSpacingRow,
        PixelSpacingColumn = pending.Header.PixelSpacingColumn,
        StoreKey = pending.StoreKey,
        TransferSyntaxUid = pending.Header.TransferSyntaxUid,
    };

    private sealed record PendingSlice(
        int Sequence, string File, DicomSliceHeader Header, string StoreKey, int Rows, int Columns, bool CreatedStoreFile);

    private sealed class BatchResult
    {
        public List<(int Sequence, ImportItem Item)> Items { get; } = [];
        public HashSet<int> ScanIds { get; } = [];
        public List<PendingSlice> Lost { get; } = [];
        public HashSet<string> ImportedKeys { get; } = new(StringComparer.Ordinal);
    }
}
