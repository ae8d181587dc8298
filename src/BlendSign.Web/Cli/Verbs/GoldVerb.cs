using System.CommandLine;
using System.Text;
using BlendSign.Data.Audit;
using BlendSign.Data.Gold;

namespace BlendSign.Web.Cli.Verbs;

/// <summary>
/// <c>gold export --format csv|coco --out FILE</c> (the current gold standard, as the lead's downloads) and
/// <c>gold freeze [--reason TEXT]</c> (a snapshot of it now; the same content returns the existing snapshot).
/// </summary>
public sealed class GoldVerb : ICliVerb
{
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Name => "gold";

    public Command Create(CliContext context) =>
        new(Name, "Export or freeze the gold standard (majority vote, adjudications, consensus boxes).")
        {
            CreateExport(context), CreateFreeze(context),
        };

    private static Command CreateExport(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "csv or coco.", Required = true };
        format.AcceptOnlyFromAmong("csv", "coco");
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var export = new Command("export", "Write the current gold standard: CSV per slice, or COCO JSON with the consensus boxes.")
        {
            format, output,
        };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var services = await context.GetServicesAsync(cancellationToken);
            var exporter = services.GetRequiredService<GoldExporter>();
            var standard = await CliFiles.WriteAtomicallyAsync(path, async (Stream stream) =>
            {
                if (parse.GetValue(format) == "coco")
                {
                    return await exporter.WriteCocoAsync(stream, cancellationToken);
                }

                await using var writer = new StreamWriter(stream, _utf8, leaveOpen: true);
                return await exporter.WriteCsvAsync(writer, cancellationToken);
            });
            await context.Out.WriteLineAsync(
                $"Wrote the gold standard of {standard.Slices.Count} slices to {path}: " +
                $"{standard.Count(GoldStatus.Unanimous)} unanimous, {standard.Count(GoldStatus.Majority)} majority, " +
                $"{standard.Count(GoldStatus.Adjudicated)} adjudicated, {standard.Count(GoldStatus.Tie)} ties, " +
                $"{standard.Count(GoldStatus.Incomplete)} incomplete.");
            return 0;
        });
        return export;
    }

    private static Command CreateFreeze(CliContext context)
    {
        var reason = new Option<string>("--reason")
        {
            Description = "Why the snapshot is taken.",
            DefaultValueFactory = _ => GoldSnapshotService.FreezeReason,
        };
        var freeze = new Command("freeze", "Snapshot the current gold standard (content-hashed; equal content is stored once).") { reason };
        freeze.SetAction(async (parse, cancellationToken) =>
        {
            var services = await context.GetServicesAsync(cancellationToken);
            var snapshot = await services.GetRequiredService<GoldSnapshotService>()
                .CreateAsync(parse.GetValue(reason)!, AuditActor.System(AuditSources.Cli), cancellationToken);
            await context.Out.WriteLineAsync(
                $"{(snapshot.Created ? "Created" : "Unchanged since")} snapshot {snapshot.Id} ({snapshot.ContentHash}): " +
                $"{snapshot.SliceCount} slices, {snapshot.UnresolvedCount} without a gold label.");
            return 0;
        });
        return freeze;
    }
}
