using System.Globalization;
using System.Text;
using BlendSign.Data.Csv;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Review;

/// <summary>One row per decision, oldest first; times in ISO 8601 UTC, labels by wire name.</summary>
public static class ReviewDecisionCsv
{
    public const string Header =
        "decided_at,reviewer,run_id,sop_instance_uid,scan_id,slice_index,outcome,old_label,new_label,reason,gold_snapshot_id,result_snapshot_id,reread_completed_at";

    public static string Write(IEnumerable<ReviewDecisionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows)
        {
            text.Append(CsvFormat.Record(
                Time(row.DecidedAt),
                row.ReviewerName,
                Number(row.TrainingRunId),
                row.SopInstanceUid,
                row.ScanPseudonym,
                Number(row.SliceIndex),
                row.Outcome.ToWireName(),
                row.OldLabel?.ToWireName() ?? "",
                row.NewLabel?.ToWireName() ?? "",
                row.Reason ?? "",
                Number(row.GoldSnapshotId),
                row.ResultSnapshotId is { } result ? Number(result) : "",
                row.RereadCompletedAt is { } done ? Time(done) : ""));
        }

        return text.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
