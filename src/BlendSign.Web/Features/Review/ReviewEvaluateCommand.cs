using System.CommandLine;
using System.Globalization;
using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Demo;
using BlendSign.Data.Labels;
using BlendSign.Data.Review;
using BlendSign.Model.Metrics;
using BlendSign.Web.Cli;
using Microsoft.AspNetCore.Identity;

namespace BlendSign.Web.Features.Review;

/// <summary>
/// Precision at N of a run's queue against a truth file (the demo's), counting every queued slice, decided or not, so
/// the figure describes the ranking. <c>--apply N</c> then reviews the first N undecided slices as a reviewer with the
/// truth would, through the same service as the review page.
/// </summary>
internal static class ReviewEvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var truthFile = new Option<string>("--truth") { Description = "CSV sop_instance_uid,true_label (demo --truth-out).", Required = true };
        var run = ReviewVerb.RunOption();
        var tops = new Option<string>("--top") { Description = "Comma-separated N for precision at N.", DefaultValueFactory = _ => "20,50" };
        var apply = new Option<int?>("--apply") { Description = "Decide the first N undecided queued slices by the truth (change or keep)." };
        var reviewer = new Option<string>("--reviewer") { Description = "The account the applied decisions are recorded as.", DefaultValueFactory = _ => "reviewer" };
        var json = new Option<bool>("--json") { Description = "One JSON document on standard output." };
        var command = new Command("evaluate", "Precision at N of the review queue against a truth file; optionally apply the truth to the top N.")
        {
            truthFile, run, tops, apply, reviewer, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryParseTops(parse.GetValue(tops)!, out var topList) || parse.GetValue(apply) is < 1)
            {
                await context.Error.WriteLineAsync("--top takes positive whole numbers separated by commas (e.g. 20,50); --apply a positive number.");
                return 1;
            }

            var truthPath = Path.GetFullPath(parse.GetValue(truthFile)!);
            if (!File.Exists(truthPath))
            {
                await context.Error.WriteLineAsync($"No truth file at {truthPath}.");
                return 1;
            }

            var truth = await ReadTruthAsync(truthPath, cancellationToken);
            var services = await context.GetServicesAsync(cancellationToken);
            var data = await services.GetRequiredService<ReviewDataService>().LoadRunAsync(parse.GetValue(run), cancellationToken);
            if (data is null)
            {
                await context.Error.WriteLineAsync("No completed training run with predictions to evaluate.");
                return 1;
            }

            var queue = ReviewQueueService.Build(data, includeDecided: true);
            var output = Evaluate(data, queue, truth, topList);
            if (parse.GetValue(apply) is { } n)
            {
                var applied = await ApplyAsReviewerAsync(context, services, parse.GetValue(reviewer)!, data, queue, truth, n, truthPath, cancellationToken);
                if (applied is null)
                {
                    return 1;
                }

                output = output with { Applied = applied };
            }

            await WriteAsync(context.Out, output, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static async Task<Dictionary<string, HemorrhageClass>> ReadTruthAsync(string path, CancellationToken cancellationToken)
    {
        var truth = new Dictionary<string, HemorrhageClass>(StringComparer.Ordinal);
        foreach (var row in await TruthFile.ReadAsync(path, cancellationToken))
        {
            truth[row.SopInstanceUid] = row.TrueLabel;
        }

        return truth;
    }

    private static EvaluateJson Evaluate(
        ReviewRunData data, ReviewQueue queue, IReadOnlyDictionary<string, HemorrhageClass> truth, IReadOnlyList<int> tops)
    {
        var wrongInRun = data.Slices.Count(s => truth.TryGetValue(s.SopInstanceUid, out var t) && t != s.GoldLabel);
        var evaluation = ReviewEvaluation.Evaluate(queue, truth, tops, wrongInRun);
        var vsGold = ClassificationMetrics.Compute(data.Slices.Select(s => (int)s.GoldLabel).ToList(), data.Slices.Select(s => s.Probabilities).ToList());
        var vsTruth = ReviewEvaluation.AgainstTruth(data.Slices.Select(s => (s.SopInstanceUid, s.Probabilities)), truth);
        return new EvaluateJson(evaluation, Metrics(vsGold), Metrics(vsTruth), Applied: null);
    }

    /// <summary>The truth applied as <paramref name="reviewerName"/>; null after saying on standard error that there is no such account.</summary>
    private static async Task<Applied?> ApplyAsReviewerAsync(
        CliContext context, IServiceProvider services, string reviewerName, ReviewRunData data, ReviewQueue queue,
        IReadOnlyDictionary<string, HemorrhageClass> truth, int count, string truthPath, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(reviewerName);
        if (user is null)
        {
            await context.Error.WriteLineAsync($"No account named {reviewerName}; nothing was applied.");
            return null;
        }

        var actor = new AuditActor(user.Id, user.UserName!, AuditSources.Cli);
        return await ApplyAsync(services.GetRequiredService<ReviewDecisionService>(), data, queue, truth, count, actor,
            $"truth file {Path.GetFileName(truthPath)}", cancellationToken);
    }

    private static async Task<Applied> ApplyAsync(
        ReviewDecisionService decisions, ReviewRunData data, ReviewQueue queue, IReadOnlyDictionary<string, HemorrhageClass> truth,
        int count, AuditActor actor, string reason, CancellationToken cancellationToken)
    {
        int changed = 0, kept = 0, refused = 0;
        foreach (var item in queue.Items.Where(i => !data.DecidedSliceIds.Contains(i.Slice.SliceId)).Take(count))
        {
            var outcome = ReviewEvaluation.IsWrong(item, truth)
                ? await decisions.ChangeAsync(data.Run.RunId, item.Slice.SliceId, truth[item.Slice.SopInstanceUid], reason, actor, cancellationToken)
                : await decisions.KeepAsync(data.Run.RunId, item.Slice.SliceId, actor, cancellationToken);
            if (!outcome.Succeeded)
            {
                refused++;
            }
            else if (ReviewEvaluation.IsWrong(item, truth))
            {
                changed++;
            }
            else
            {
                kept++;
            }
        }

        return new Applied(changed, kept, refused);
    }

    private static bool TryParseTops(string text, out List<int> tops)
    {
        tops = [];
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return false;
            }

            tops.Add(n);
        }

        return tops.Count > 0;
    }

    private static Dictionary<string, MetricsJson> Metrics(ClassificationMetrics metrics) =>
        HemorrhageClassNames.All.ToDictionary(c => c.ToWireName(), c =>
        {
            var m = metrics.PerClass[(int)c];
            return new MetricsJson(m.Sensitivity, m.Specificity, m.F1, m.Auc);
        });

    private static async Task WriteAsync(TextWriter output, EvaluateJson result, bool json)
    {
        if (json)
        {
            CliJson.Write(output, result);
        }
        else
        {
            await WriteTextAsync(output, result);
        }
    }

    private static async Task WriteTextAsync(TextWriter output, EvaluateJson result)
    {
        var e = result.Evaluation;
        await output.WriteLineAsync(
            $"Run {e.RunId}: {e.Queued} of {e.Scored} slices queued; {e.WrongGoldInRun} gold labels of the run are wrong, {e.WrongGoldInQueue} of them in the queue.");
        foreach (var p in e.Precision)
        {
            await output.WriteLineAsync(
                $"precision at {p.Top}: {ReviewVerb.Format(p.Precision)} ({p.WrongGold} wrong gold labels in the first {p.Considered}; best reachable {ReviewVerb.Format(Math.Min(p.Top, e.WrongGoldInRun) / (double)p.Top)})");
        }

        foreach (var (name, metrics) in new[] { ("against its gold labels", result.MetricsVsGold), ("against the truth", result.MetricsVsTruth) })
        {
            await output.WriteLineAsync($"Metrics {name} (sensitivity / specificity / F1 / AUC):");
            foreach (var (label, m) in metrics)
            {
                await output.WriteLineAsync($"  {label,-12}{Format(m.Sensitivity)} / {Format(m.Specificity)} / {Format(m.F1)} / {Format(m.Auc)}");
            }
        }

        if (result.Applied is { } a)
        {
            await output.WriteLineAsync($"Applied the truth: {a.Changed} changed, {a.Kept} kept, {a.Refused} refused.");
        }
    }

    private static string Format(double? value) => value is { } v ? ReviewVerb.Format(v) : "n/a";

    private sealed record MetricsJson(double? Sensitivity, double? Specificity, double? F1, double? Auc);

    private sealed record Applied(int Changed, int Kept, int Refused);

    private sealed record EvaluateJson(
        ReviewEvaluation Evaluation,
        IReadOnlyDictionary<string, MetricsJson> MetricsVsGold,
        IReadOnlyDictionary<string, MetricsJson> MetricsVsTruth,
        Applied? Applied);
}
