using System.Globalization;

namespace BlendSign.Web.Features.Training;

/// <summary>A run's files; each fold's final model is kept for Grad-CAM.</summary>
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
