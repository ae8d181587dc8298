using BlendSign.Model.Training;

namespace BlendSign.Model.CrossValidation;

/// <summary>One row of the study's Table 3: the variant's name and its cross-validation.</summary>
public sealed record AblationArm(string Name, TrainingSettings Settings, CrossValidationResult Result);

// WCE, WCE + AT, WCE + AT + SKD, each on the same folds. With a checkpoint folder each row keeps its own subfolder, so
// an interrupted ablation resumes row by row, fold by fold.
public sealed class AblationRunner(CrossValidator crossValidator)
{
    public static IReadOnlyList<(string Name, string Folder, TrainingSettings Settings)> Arms(TrainingSettings settings) =>
    [
        ("WCE", "wce", settings with { Detection = false, Distillation = false }),
        ("WCE+AT", "wce_at", settings with { Detection = true, Distillation = false }),
        ("WCE+AT+SKD", "wce_at_skd", settings with { Detection = true, Distillation = true }),
    ];

    public IReadOnlyList<AblationArm> Run(
        IReadOnlyList<TrainingExample> examples,
        IImageSource images,
        TrainingSettings settings,
        string? checkpointDirectory = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var arms = Arms(settings);
        var results = new List<AblationArm>();
        for (var a = 0; a < arms.Count; a++)
        {
            var (name, folder, armSettings) = arms[a];
            var index = a;
            // Progress across the three rows: each row is a third of the work.
            var armProgress = progress is null ? null : new RelayProgress(p => progress.Report(p with
            {
                FractionDone = (index + p.FractionDone) / arms.Count,
                Eta = p.Eta is { } eta && p.FractionDone > 0 ? eta + (eta / (1 - p.FractionDone + 1e-9) * (arms.Count - index - 1)) : null,
            }));
            var directory = checkpointDirectory is null ? null : Path.Combine(checkpointDirectory, folder);
            var result = crossValidator.Run(examples, images, armSettings, directory, armProgress, cancellationToken, name);
            results.Add(new AblationArm(name, armSettings, result));
        }

        return results;
    }

    private sealed class RelayProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
