using BlendSign.Data.Csv;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Labels;

internal sealed class RaterSliceTargets
{
    private readonly Dictionary<string, RaterTarget> _raters;
    private readonly Dictionary<string, SliceTarget> _slices;

    private RaterSliceTargets(Dictionary<string, RaterTarget> raters, Dictionary<string, SliceTarget> slices)
    {
        _raters = raters;
        _slices = slices;
    }

    public IEnumerable<SliceTarget> Slices => _slices.Values;

    public static async Task<RaterSliceTargets> LoadAsync(BlendSignDbContext db, IEnumerable<IRaterSliceRow> rows, CancellationToken cancellationToken)
    {
        var list = rows.ToList();
        var raterNames = list.Select(r => LabelRaters.Normalize(r.Rater)).Distinct().ToList();
        var raters = await db.Users
            .Where(u => raterNames.Contains(u.NormalizedUserName!))
            .Select(u => new RaterTarget(u.Id, u.UserName!, u.NormalizedUserName!))
            .ToDictionaryAsync(u => u.NormalizedName, StringComparer.Ordinal, cancellationToken);
        var sops = list.Select(r => r.SopInstanceUid).Distinct().ToList();
        var slices = await db.Slices
            .Where(s => sops.Contains(s.SopInstanceUid))
            .Select(s => new SliceTarget(s.Id, s.ScanId, s.SopInstanceUid, s.Columns, s.Rows))
            .ToDictionaryAsync(s => s.SopInstanceUid, StringComparer.Ordinal, cancellationToken);
        return new RaterSliceTargets(raters, slices);
    }

    public RaterTarget RaterOf(IRaterSliceRow row) => _raters[LabelRaters.Normalize(row.Rater)];

    public SliceTarget SliceOf(IRaterSliceRow row) => _slices[row.SopInstanceUid];

    /// <summary>The problem with a row whose rater or slice is unknown; null when both exist.</summary>
    public CsvImportError? Unknown(IRaterSliceRow row) =>
        !_raters.ContainsKey(LabelRaters.Normalize(row.Rater))
            ? new CsvImportError(row.LineNumber, $"no user named '{row.Rater}'.")
            : !_slices.ContainsKey(row.SopInstanceUid)
                ? new CsvImportError(row.LineNumber, $"no slice with SOP Instance UID '{row.SopInstanceUid}'.")
                : null;
}

internal sealed record RaterTarget(string Id, string UserName, string NormalizedName);

internal sealed record SliceTarget(int Id, int ScanId, string SopInstanceUid, int Columns, int Rows);
