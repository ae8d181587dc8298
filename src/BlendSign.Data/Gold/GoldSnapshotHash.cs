using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Gold;

/// <summary>
/// The content hash of a gold standard: SHA-256 (lowercase hex) over a canonical text, one line per slice sorted
/// ordinally by SOP Instance UID: <c>uid|label|status|votes</c>, each followed by its consensus boxes
/// <c>box|left|top|right|bottom|center_x|center_y|support</c> in <see cref="BoxConsensus"/>'s order, numbers in
/// round-trip invariant form. Only what a snapshot stores enters the hash, so equal content gives equal hashes.
/// </summary>
public static class GoldSnapshotHash
{
    public static string Compute(IEnumerable<SliceGold> slices) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(slices))));

    public static string Canonical(IEnumerable<SliceGold> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var text = new StringBuilder();
        foreach (var slice in slices.OrderBy(s => s.SopInstanceUid, StringComparer.Ordinal))
        {
            text.Append(slice.SopInstanceUid).Append('|')
                .Append(slice.Decision.Label?.ToWireName() ?? "").Append('|')
                .Append(GoldStatusNames.ToWireName(slice.Decision.Status)).Append('|')
                .Append(slice.Decision.Votes.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var box in slice.Boxes)
            {
                text.Append("box|").Append(Number(box.Left)).Append('|').Append(Number(box.Top)).Append('|')
                    .Append(Number(box.Right)).Append('|').Append(Number(box.Bottom)).Append('|')
                    .Append(Number(box.CenterX)).Append('|').Append(Number(box.CenterY)).Append('|')
                    .Append(box.Support.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
