using System.CommandLine;
using BlendSign.Data.Training;
using BlendSign.Model.Network;
using BlendSign.Model.Torch;
using BlendSign.Model.Training;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// Runs through the same queue and executor as the server's worker; a run interrupted here stays Running and is resumed by
/// the server's next start too. <c>--folds-from</c> keeps a run's folds, to compare a retraining on reviewed labels split for split.
/// </summary>
public sealed class TrainVerb : ICliVerb
{
    public string Name => "train";

    public Command Create(CliContext context)
    {
        // The configured defaults (BlendSign:Training), as the Training page shows them; --help prints them.
        var options = new TrainVerbOptions(
            TrainingSettings.FromOptions(context.Configuration.GetSection(TrainingOptions.SectionName).Get<TrainingOptions>() ?? new(),
                TorchRuntime.IsCudaAvailable));
        var command = new Command(Name,
            "Train and cross-validate the slice classifier on the current gold standard (the study's protocol: weighted " +
            "cross-entropy, detection branch, self-knowledge distillation, augmentation).");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(context, options, parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, TrainVerbOptions options, ParseResult parse, CancellationToken cancellationToken)
    {
        var requestedBackbone = parse.GetValue(options.Backbone)!;
        if (!Backbones.IsSupported(requestedBackbone))
        {
            await context.Error.WriteLineAsync(
                $"Unknown backbone '{requestedBackbone}'. Available: {string.Join(", ", Backbones.Supported)}.");
            return 1;
        }

        if (parse.GetValue(options.Resume) is { } runId)
        {
            return await ResumeAsync(context, runId, parse.GetValue(options.Json), cancellationToken);
        }

        var services = await context.GetServicesAsync(cancellationToken);
        var runs = services.GetRequiredService<TrainingRunner>();
        var settings = options.ReadSettings(parse, requestedBackbone);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            await context.Error.WriteLineAsync(string.Join(Environment.NewLine, problems));
            return 1;
        }

        var seedCount = parse.GetValue(options.Seeds);
        if (seedCount is not null && (!parse.GetValue(options.Ablation) || seedCount < 1 || seedCount > 20))
        {
            await context.Error.WriteLineAsync("--seeds takes 1 to 20 and goes with --ablation.");
            return 1;
        }

        if (parse.GetValue(options.Ablation))
        {
            var rows = await runs.RunAblationSeedsNowAsync(settings, seedCount ?? 1, cancellationToken);
            return await WriteAblationAsync(context, rows, settings.Seed, parse.GetValue(options.Json));
        }

        return await WriteRunAsync(context, await runs.RunNowAsync(settings, cancellationToken), parse.GetValue(options.Json));
    }

    private static async Task<int> ResumeAsync(CliContext context, int runId, bool json, CancellationToken cancellationToken)
    {
        var services = await context.GetServicesAsync(cancellationToken);
        var runs = services.GetRequiredService<TrainingRunner>();
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
        if (!await CheckTrainedAsync(context, outcome, json))
        {
            return outcome.Status == TrainingRunStatus.Diverged ? TrainOutput.DivergedExitCode : 1;
        }

        if (json)
        {
            CliJson.Write(context.Out, TrainOutput.From(outcome));
        }
        else
        {
            await TrainOutput.WriteTableAsync(context.Out, outcome);
        }

        return await ReportDivergedAsync(context, [outcome]);
    }

    private static async Task<int> WriteAblationAsync(CliContext context, IReadOnlyList<IReadOnlyList<TrainingRunOutcome>> seeds, int seed, bool json)
    {
        var rows = seeds.SelectMany((runs, i) => runs.Select(r => (Seed: seed + i, Outcome: r))).ToArray();
        foreach (var (_, row) in rows)
        {
            if (!await CheckTrainedAsync(context, row, json: false))
            {
                return row.Status == TrainingRunStatus.Diverged ? TrainOutput.DivergedExitCode : 1;
            }
        }

        var summary = AblationSeedSummary.From(rows);
        if (json)
        {
            CliJson.Write(context.Out, new AblationOutput([.. rows.Select(r => TrainOutput.From(r.Outcome) with { Seed = r.Seed })], summary));
        }
        else
        {
            foreach (var (rowSeed, row) in rows)
            {
                await context.Out.WriteLineAsync($"== {ProgressText.VariantName(row.Variant ?? "")}, seed {rowSeed} ==");
                await TrainOutput.WriteTableAsync(context.Out, row);
                await context.Out.WriteLineAsync();
            }

            await TrainOutput.WriteSeedSummaryAsync(context.Out, summary);
        }

        return await ReportDivergedAsync(context, [.. rows.Select(r => r.Outcome)]);
    }

    /// <summary>True when the run trained to the end (completed or diverged with results); otherwise says why on standard error.</summary>
    private static async Task<bool> CheckTrainedAsync(CliContext context, TrainingRunOutcome outcome, bool json)
    {
        if (outcome.Status.TrainedToTheEnd() && outcome.Report is not null)
        {
            return true;
        }

        if (outcome.Status == TrainingRunStatus.Diverged)
        {
            if (json)
            {
                CliJson.Write(context.Out, new DivergedOutput(outcome.RunId, "diverged", [outcome.Error ?? "diverged"]));
            }

            await context.Error.WriteLineAsync($"Run {outcome.RunId} diverged: {outcome.Error}.");
            return false;
        }

        var resumable = outcome.Status is TrainingRunStatus.Running or TrainingRunStatus.Failed or TrainingRunStatus.Cancelled
            ? $" Continue it with `train --resume {outcome.RunId}` (or the server resumes an interrupted run at its next start)."
            : "";
        await context.Error.WriteLineAsync($"Run {outcome.RunId} {outcome.Status.ToString().ToLowerInvariant()}: {outcome.Error}.{resumable}");
        return false;
    }

    /// <summary>A diverged run is never a quiet success: its reasons on standard error and exit code 3.</summary>
    private static async Task<int> ReportDivergedAsync(CliContext context, IReadOnlyList<TrainingRunOutcome> outcomes)
    {
        var diverged = outcomes.Where(o => o.Status == TrainingRunStatus.Diverged).ToArray();
        foreach (var outcome in diverged)
        {
            await context.Error.WriteLineAsync($"Run {outcome.RunId} DIVERGED: {outcome.Error}. Its numbers describe a failed model.");
        }

        return diverged.Length == 0 ? 0 : TrainOutput.DivergedExitCode;
    }
}
