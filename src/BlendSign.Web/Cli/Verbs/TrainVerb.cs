using System.CommandLine;
using System.Globalization;
using BlendSign.Data.Labels;
using BlendSign.Data.Training;
using BlendSign.Model.Network;
using BlendSign.Web.Training;

namespace BlendSign.Web.Cli.Verbs;

/// <summary>
/// <c>train [--folds K] [--epochs E] [--image-size S] [--backbone NAME] [--no-detection] [--no-skd] [--seed S] [--json]</c>:
/// one cross-validated run, here and now, through the same <see cref="TrainingRunService"/> as the server's queue;
/// <c>--ablation</c> runs the study's three rows (WCE, WCE+AT, WCE+AT+SKD) on the same folds; <c>--resume RUN_ID</c>
/// continues a run that did not complete (Ctrl+C, a crash, a failure) from its checkpoints; <c>--folds-from RUN_ID</c>
/// keeps that run's folds (to compare a retraining on reviewed labels with it, split for split). A run interrupted here
/// stays Running and is resumed by the server's next start too, whichever comes first.
/// </summary>
public sealed class TrainVerb : ICliVerb
{
    public string Name => "train";

    public Command Create(CliContext context)
    {
        var folds = new Option<int?>("--folds") { Description = "Cross-validation folds, split by scan (default: BlendSign:Training:Folds)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs per fold (default: BlendSign:Training:Epochs)." };
        var imageSize = new Option<int?>("--image-size") { Description = "Input size in pixels, S×S (default: BlendSign:Training:ImageSize)." };
        var backbone = new Option<string?>("--backbone") { Description = $"Backbone; available: {string.Join(", ", Backbones.Supported)}." };
        var noDetection = new Option<bool>("--no-detection") { Description = "Train without the auxiliary detection branch (AT)." };
        var noSkd = new Option<bool>("--no-skd") { Description = "Skip self-knowledge distillation (no teacher/student generations)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed (default: BlendSign:Training:Seed)." };
        var ablation = new Option<bool>("--ablation") { Description = "The study's ablation: WCE, WCE+AT and WCE+AT+SKD on the same folds (three runs)." };
        var foldsFrom = new Option<int?>("--folds-from") { Description = "Keep the folds of run RUN_ID (each scan in its fold there), to compare the two runs split for split." };
        var resume = new Option<int?>("--resume") { Description = "Continue run RUN_ID from its checkpoints (other options are ignored: a run keeps its settings)." };
        var json = new Option<bool>("--json") { Description = "One JSON document on standard output." };
        var command = new Command(Name,
            "Train and cross-validate the slice classifier on the current gold standard (the study's protocol: weighted " +
            "cross-entropy, detection branch, self-knowledge distillation, augmentation).")
        {
            folds, epochs, imageSize, backbone, noDetection, noSkd, seed, foldsFrom, ablation, resume, json,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var requestedBackbone = parse.GetValue(backbone);
            if (requestedBackbone is not null && !Backbones.IsSupported(requestedBackbone))
            {
                await context.Error.WriteLineAsync(
                    $"Unknown backbone '{requestedBackbone}'. Available: {string.Join(", ", Backbones.Supported)}.");
                return 1;
            }

            if (parse.GetValue(resume) is { } runId)
            {
                return await ResumeAsync(context, runId, parse.GetValue(json), cancellationToken);
            }

            var services = await context.GetServicesAsync(cancellationToken);
            var runs = services.GetRequiredService<TrainingRunService>();
            var defaults = runs.DefaultSettings;
            var settings = defaults with
            {
                Folds = parse.GetValue(folds) ?? defaults.Folds,
                Epochs = parse.GetValue(epochs) ?? defaults.Epochs,
                ImageSize = parse.GetValue(imageSize) ?? defaults.ImageSize,
                Backbone = requestedBackbone?.Trim().ToLowerInvariant() ?? defaults.Backbone,
                Seed = parse.GetValue(seed) ?? defaults.Seed,
                Detection = defaults.Detection && !parse.GetValue(noDetection),
                Distillation = defaults.Distillation && !parse.GetValue(noSkd),
                FoldsFromRun = parse.GetValue(foldsFrom),
            };
            var problems = settings.Validate();
            if (problems.Count > 0)
            {
                await context.Error.WriteLineAsync(string.Join(Environment.NewLine, problems));
                return 1;
            }

            if (parse.GetValue(ablation))
            {
                var rows = await runs.RunAblationNowAsync(settings, cancellationToken);
                return await WriteAblationAsync(context, rows, parse.GetValue(json));
            }

            return await WriteRunAsync(context, await runs.RunNowAsync(settings, cancellationToken), parse.GetValue(json));
        });
        return command;
    }

    private static async Task<int> ResumeAsync(CliContext context, int runId, bool json, CancellationToken cancellationToken)
    {
        var services = await context.GetServicesAsync(cancellationToken);
        var runs = services.GetRequiredService<TrainingRunService>();
        TrainingRunOutcome outcome;
        try
        {
            outcome = await runs.ResumeNowAsync(runId, cancellationToken);
        }
        catch (RunNotResumableException exception)
        {
            await context.Error.WriteLineAsync(exception.Message);
            return 1;
        }

        return await WriteRunAsync(context, outcome, json);
    }

    private static async Task<int> WriteRunAsync(CliContext context, TrainingRunOutcome outcome, bool json)
    {
        if (!await CheckCompletedAsync(context, outcome))
        {
            return 1;
        }

        if (json)
        {
            CliJson.Write(context.Out, TrainOutput.From(outcome));
        }
        else
        {
            await WriteTableAsync(context.Out, outcome);
        }

        return 0;
    }

    private static async Task<int> WriteAblationAsync(CliContext context, IReadOnlyList<TrainingRunOutcome> rows, bool json)
    {
        foreach (var row in rows)
        {
            if (!await CheckCompletedAsync(context, row))
            {
                return 1;
            }
        }

        if (json)
        {
            CliJson.Write(context.Out, new AblationOutput([.. rows.Select(TrainOutput.From)]));
            return 0;
        }

        foreach (var row in rows)
        {
            await context.Out.WriteLineAsync($"== {ProgressText.VariantName(row.Variant ?? "")} ==");
            await WriteTableAsync(context.Out, row);
            await context.Out.WriteLineAsync();
        }

        return 0;
    }

    private static async Task<bool> CheckCompletedAsync(CliContext context, TrainingRunOutcome outcome)
    {
        if (outcome.Status == TrainingRunStatus.Completed && outcome.Report is not null)
        {
            return true;
        }

        var resumable = outcome.Status is TrainingRunStatus.Running or TrainingRunStatus.Failed or TrainingRunStatus.Cancelled
            ? $" Continue it with `train --resume {outcome.RunId}` (or the server resumes an interrupted run at its next start)."
            : "";
        await context.Error.WriteLineAsync($"Run {outcome.RunId} {outcome.Status.ToString().ToLowerInvariant()}: {outcome.Error}.{resumable}");
        return false;
    }

    private static async Task WriteTableAsync(TextWriter output, TrainingRunOutcome outcome)
    {        var report = outcome.Report!;
        await output.WriteLineAsync(
            $"Run {outcome.RunId} completed on {report.Device}: {report.Slices} slices of {report.Scans} scans, {report.Folds.Count} folds.");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"class",-12}{"sensitivity",12}{"specificity",12}{"F1",8}{"AUC",8}");
        foreach (var (name, metrics) in report.PerClass)
        {
            await output.WriteLineAsync(
                $"{name,-12}{Format(metrics.Sensitivity),12}{Format(metrics.Specificity),12}{Format(metrics.F1),8}{Format(metrics.Auc),8}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("Confusion matrix (rows: gold, columns: predicted)");
        var names = HemorrhageClassNames.All.Select(c => c.ToWireName()).ToArray();
        await output.WriteLineAsync($"{"",-12}{string.Concat(names.Select(n => $"{n,12}"))}");
        for (var row = 0; row < names.Length; row++)
        {
            await output.WriteLineAsync($"{names[row],-12}{string.Concat(report.ConfusionMatrix[row].Select(n => $"{n,12}"))}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Out-of-fold predictions: {outcome.OofPredictionsPath}");
    }

    private static string Format(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a";

    /// <summary>DESIGN.md's <c>train --json</c>; <c>variant</c> only for an ablation row.</summary>
    private sealed record TrainOutput(
        int RunId,
        IReadOnlyDictionary<string, ClassReport> PerClass,
        IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix,
        string OofPredictions,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        string? Variant = null)
    {
        public static TrainOutput From(TrainingRunOutcome outcome) =>
            new(outcome.RunId, outcome.Report!.PerClass, outcome.Report.ConfusionMatrix, outcome.OofPredictionsPath!, outcome.Variant);
    }

    /// <summary><c>train --ablation --json</c>: the three rows in the study's order (wce, wce_at, wce_at_skd).</summary>
    private sealed record AblationOutput(IReadOnlyList<TrainOutput> Rows);
}
