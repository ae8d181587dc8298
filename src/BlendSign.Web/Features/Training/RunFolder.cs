using System.Globalization;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// A run's files under <c>{DataDirectory}/runs/{id}/</c>: the out-of-fold predictions, the fold checkpoints (and each
/// fold's final model, for Grad-CAM), the loss history the training page draws, and the lock its executor holds.
/// </summary>
public sealed record RunFolder(string Directory)
{
    public const string OofFileName = "oof_predictions.csv";

    public static RunFolder Of(string runsDirectory, int runId) =>
        new(Path.Combine(runsDirectory, runId.ToString(CultureInfo.InvariantCulture)));

    public string OofPredictions => Path.Combine(Directory, OofFileName);

    public string Checkpoints => Path.Combine(Directory, "checkpoints");

    public string History => Path.Combine(Directory, "progress.json");

    public string Lock => Path.Combine(Directory, "run.lock");
}
