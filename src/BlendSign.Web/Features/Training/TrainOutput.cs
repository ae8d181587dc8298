using System.Globalization;
using System.Text.Json.Serialization;
using BlendSign.Data.Labels;
using BlendSign.Data.Training;

namespace BlendSign.Web.Features.Training;

/// <summary>DESIGN.md's <c>train --json</c> plus this app's fields; <c>variant</c> and <c>seed</c> only for an ablation row.</summary>
internal sealed record TrainOutput(
    int RunId,
    string Status,
    IReadOnlyDictionary<string, ClassReport> PerClass,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix,
    string OofPredictions,
    IReadOnlyList<DivergenceReport> Diverged,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<GenerationReport> Generations)
{
    public const int DivergedExitCode = 3;

    public string? Device { get; init; }

    /// <summary>95 % intervals of <c>per_class</c> from the bootstrap over scans.</summary>
    public IReadOnlyDictionary<string, ClassIntervalsReport>? Ci95 { get; init; }

    /// <summary>True when the warnings say the model is no better than chance.</summary>
    public bool ChanceLevel { get; init; }

    public string? Layout { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Variant { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Seed { get; init; }

    public static TrainOutput From(TrainingRunOutcome outcome)
    {
        var report = outcome.Report!;
        return new TrainOutput(outcome.RunId, StatusName(outcome.Status), report.PerClass, report.ConfusionMatrix, outcome.OofPredictionsPath!,
            report.Diverged, report.Warnings, report.Generations)
        {
            Device = report.Device,
            Layout = report.Layout,
            Variant = outcome.Variant,
            Ci95 = report.Ci95,
            ChanceLevel = report.ChanceLevel,
        };
    }

    public static string StatusName(TrainingRunStatus status) => status.ToString().ToLowerInvariant();

    public static async Task WriteTableAsync(TextWriter output, TrainingRunOutcome outcome)
    {
        var report = outcome.Report!;
        await output.WriteLineAsync(
            $"Run {outcome.RunId} {StatusName(outcome.Status)} on {report.Device}{(report.Layout is null ? "" : $" ({report.Layout})")}: {report.Slices} slices of {report.Scans} scans, {report.Folds.Count} folds.");
        foreach (var finding in report.Diverged)
        {
            await output.WriteLineAsync($"  DIVERGED: {finding.Reason}");
        }

        foreach (var warning in report.Warnings)
        {
            await output.WriteLineAsync($"  warning: {warning}");
        }

        await output.WriteLineAsync();
        await WriteClassTableAsync(output, report.PerClass);
        if (report.Ci95 is { } intervals)
        {
            await output.WriteLineAsync("95 % intervals (bootstrap over scans): " + string.Join("; ", intervals.Select(i =>
                $"{i.Key} sensitivity {Range(i.Value.Sensitivity)}, AUC {Range(i.Value.Auc)}")));
        }
        if (report.Generations.Count > 1)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Per generation (held-out, pooled over folds): blend_sign sensitivity / specificity / F1 / AUC");
            foreach (var generation in report.Generations)
            {
                var m = generation.PerClass[HemorrhageClassNames.BlendSign];
                await output.WriteLineAsync($"  {generation.Name,-10} {Format(m.Sensitivity)} / {Format(m.Specificity)} / {Format(m.F1)} / {Format(m.Auc)}");
            }
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

    public static async Task WriteSeedSummaryAsync(TextWriter output, IReadOnlyList<AblationSeedSummary> summary)
    {
        await output.WriteLineAsync("== Mean ± SD over seeds (pooled out-of-fold metrics of each run) ==");
        foreach (var row in summary)
        {
            var diverged = row.DivergedRuns > 0 ? $", {row.DivergedRuns} diverged" : "";
            await output.WriteLineAsync($"{ProgressText.VariantName(row.Variant)} (seeds {string.Join(", ", row.Seeds)}{diverged})");
            await output.WriteLineAsync($"  {"class",-12}{"sensitivity",16}{"specificity",16}{"F1",16}{"AUC",16}");
            foreach (var (name, m) in row.PerClass)
            {
                await output.WriteLineAsync($"  {name,-12}{Spread(m.Sensitivity),16}{Spread(m.Specificity),16}{Spread(m.F1),16}{Spread(m.Auc),16}");
            }
        }
    }

    private static async Task WriteClassTableAsync(TextWriter output, IReadOnlyDictionary<string, ClassReport> perClass)
    {
        await output.WriteLineAsync($"{"class",-12}{"sensitivity",12}{"specificity",12}{"F1",8}{"AUC",8}");
        foreach (var (name, metrics) in perClass)
        {
            await output.WriteLineAsync(
                $"{name,-12}{Format(metrics.Sensitivity),12}{Format(metrics.Specificity),12}{Format(metrics.F1),8}{Format(metrics.Auc),8}");
        }
    }

    private static string Range(double[]? interval) => interval is [var lower, var upper] ? $"{Format(lower)}–{Format(upper)}" : "n/a";

    private static string Format(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a";

    private static string Spread(SeedSpread m) => m.Mean is null
        ? "n/a"
        : m.StandardDeviation is { } sd ? $"{Format(m.Mean)} ± {Format(sd)}" : Format(m.Mean);
}

/// <summary><c>train --ablation --json</c>: every seed's three rows in the study's order, then each row over the seeds.</summary>
internal sealed record AblationOutput(IReadOnlyList<TrainOutput> Rows, IReadOnlyList<AblationSeedSummary> Summary);

internal sealed record DivergedOutput(int RunId, string Status, IReadOnlyList<string> Reasons);
