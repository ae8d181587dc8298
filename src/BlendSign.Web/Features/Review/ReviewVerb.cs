using System.CommandLine;
using System.Globalization;
using BlendSign.Data.Labels;
using BlendSign.Data.Review;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Review;

public sealed class ReviewVerb : ICliVerb
{

    public string Name => "review";

    public Command Create(CliContext context) =>
        new(Name, "The review queue: slices whose gold label the model doubts, ranked; decisions; evaluation against a truth file.")
        {
            CreateList(context), CreateExport(context), ReviewEvaluateCommand.Create(context),
        };

    internal static Option<int?> RunOption() => new("--run") { Description = "The run to review (default: the latest completed run)." };

    private static Command CreateList(CliContext context)
    {
        var run = RunOption();
        var top = new Option<int?>("--top") { Description = "Only the first N slices of the queue." };
        var json = new Option<bool>("--json") { Description = "One JSON document on standard output." };
        var list = new Command("list", "The review queue in rank order: slice, gold label, model label, probabilities, score, each rater's label.")
        {
            run, top, json,
        };
        list.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(top) is < 1)
            {
                await context.Error.WriteLineAsync("--top must be at least 1.");
                return 1;
            }

            var services = await context.GetServicesAsync(cancellationToken);
            var queue = await services.GetRequiredService<ReviewQueueService>().BuildAsync(parse.GetValue(run), cancellationToken: cancellationToken);
            if (queue is null)
            {
                await context.Error.WriteLineAsync(parse.GetValue(run) is { } id
                    ? $"Run {id} is not a completed run with predictions."
                    : "No completed training run with predictions yet: train first (train, or the training page).");
                return 1;
            }

            var items = queue.Items.Take(parse.GetValue(top) ?? int.MaxValue).ToList();
            if (parse.GetValue(json))
            {
                CliJson.Write(context.Out, ReviewListJson.From(queue, items));
            }
            else
            {
                await WriteTableAsync(context.Out, queue, items);
            }

            return 0;
        });
        return list;
    }

    private static Command CreateExport(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "The CSV file to write.", Required = true };
        var export = new Command("export", $"Write every review decision as CSV ({ReviewDecisionCsv.Header}).") { output };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var services = await context.GetServicesAsync(cancellationToken);
            var rows = await services.GetRequiredService<ReviewDecisionService>().ListAsync(cancellationToken);
            await CliFiles.WriteAtomicallyAsync(path, async (TextWriter writer) =>
            {
                await writer.WriteAsync(ReviewDecisionCsv.Write(rows));
                return rows.Count;
            });
            await context.Out.WriteLineAsync($"Wrote {rows.Count} review decisions to {path}.");
            return 0;
        });
        return export;
    }

    private static async Task WriteTableAsync(TextWriter output, ReviewQueue queue, IReadOnlyList<ReviewItem> items)
    {
        await output.WriteLineAsync(
            $"Run {queue.Run.RunId} on gold snapshot {queue.Run.GoldSnapshotId} ({queue.Run.SnapshotHash[..12]}): {queue.Items.Count} slices to review " +
            $"of {queue.Scored} scored, {queue.Decided} decided since the snapshot. Thresholds: " +
            string.Join(", ", queue.Thresholds.Select((t, c) => $"{((HemorrhageClass)c).ToWireName()} {Format(t)}")) + ".");
        await output.WriteLineAsync();
        var width = Math.Max("sop_instance_uid".Length, items.Count == 0 ? 0 : items.Max(i => i.Slice.SopInstanceUid.Length)) + 2;
        await output.WriteLineAsync(
            $"{"rank",4}  {"sop_instance_uid".PadRight(width)}{"gold",-12}{"model",-12}{"p_non",7}{"p_norm",7}{"p_blend",8}{"score",7}  {"box",-18}raters");
        foreach (var item in items)
        {
            var p = item.Score.Probabilities;
            var raters = string.Join(" ", queue.Raters.Select(r =>
                $"{r}={item.Slice.Reads.FirstOrDefault(x => x.Rater == r)?.Label?.ToWireName() ?? "-"}"));
            await output.WriteLineAsync(
                $"{item.Rank,4}  {item.Slice.SopInstanceUid.PadRight(width)}{item.Slice.GoldLabel.ToWireName(),-12}{item.ModelLabel.ToWireName(),-12}" +
                $"{Format(p[0]),7}{Format(p[1]),7}{Format(p[2]),8}{Format(item.Score.Score),7}  {ReviewListJson.BoxFlag(item.Score.BoxDisagreement),-18}{raters}");
        }
    }

    internal static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
