using System.ComponentModel.DataAnnotations;
using BlendSign.Model.Torch;

namespace BlendSign.Web.Features.Training;

// The same section as the model's TrainingOptions, on purpose: to whoever configures it, BlendSign:Training is one set
// of training settings. The model reads the study's protocol from it, this class where and how this host trains; the
// two never share a key (TrainingOptionsSectionTests).
public sealed class TrainingWorkerOptions
{
    public const string SectionName = "BlendSign:Training";

    /// <summary>The server trains queued runs itself; false on web nodes when <c>worker</c> processes train instead.</summary>
    public bool InProcessWorker { get; set; } = true;

    [Range(1, 3600)]
    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>A Running run whose heartbeat (from another host) is older than this is queued again, to resume elsewhere.</summary>
    [Range(2, 86400)]
    public int StaleAfterSeconds { get; set; } = 60;

    /// <summary>Checkpoints, loss history, predictions and locks; default <c>{DataDirectory}/runs</c>. A shared path for workers on other hosts.</summary>
    public string? RunsDirectory { get; set; }

    /// <summary>Where this process trains: auto (CUDA when available), cpu or cuda; the <c>worker</c> verb's <c>--device</c> overrides it.</summary>
    public DeviceChoice Device { get; set; }

    /// <summary>Continuations from the last checkpoint after a LibTorch error before the run fails; 0 fails at the first.</summary>
    [Range(0, 10)]
    public int NativeErrorRetries { get; set; } = 2;

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(HeartbeatSeconds);

    public TimeSpan StaleAfter => TimeSpan.FromSeconds(StaleAfterSeconds);
}
