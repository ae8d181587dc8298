using BlendSign.Data.Gold;

namespace BlendSign.Data.Training;

/// <summary>A queued or finished training run; the hosted service and the <c>train</c> verb both write it.</summary>
public class TrainingRun
{
    public int Id { get; set; }
    public TrainingRunStatus Status { get; set; }

    public required string ConfigurationJson { get; set; }
    public int Seed { get; set; }

    /// <summary>The gold standard the run trained on; null for runs queued before snapshots existed.</summary>
    public int? GoldSnapshotId { get; set; }
    public GoldSnapshot? GoldSnapshot { get; set; }
    public string? Device { get; set; }

    /// <summary>Runs of one ablation share a group id; <see cref="Variant"/> names the row (wce, wce_at, wce_at_skd).</summary>
    public string? AblationGroup { get; set; }
    public string? Variant { get; set; }

    public int ResumeCount { get; set; }
    public string? CodeVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Last reported progress, for pages that open while the run goes on.</summary>
    public string? ProgressMessage { get; set; }
    public double ProgressFraction { get; set; }
    public bool CancelRequested { get; set; }

    /// <summary>Who executes the run now ("host:pid:id8"); set by the claim, cleared when the run is queued again.</summary>
    public string? WorkerId { get; set; }

    // Written every few seconds while training; a Running run whose heartbeat is too old is queued again by the next
    // worker that looks. Null for runs left by older versions.
    public DateTimeOffset? HeartbeatAt { get; set; }

    public string? ResultJson { get; set; }
    public string? OofPredictionsPath { get; set; }
    public string? Error { get; set; }

    public List<SlicePrediction> Predictions { get; set; } = [];
}
