using System.CommandLine;
using System.Text;
using BlendSign.Data.Audit;
using BlendSign.Data.Export.Sr;
using BlendSign.Data.Gold;
using BlendSign.Data.Import.DicomWeb;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Gold;

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
        var format = new Option<string>("--format") { Description = "csv, coco or sr (DICOM structured reports, TID 1500).", Required = true };
        format.AcceptOnlyFromAmong("csv", "coco", "sr");
        var output = new Option<string>("--out") { Description = "The file to write (for sr: the folder).", Required = true };
        var stow = new Option<string?>("--stow") { Description = "With --format sr: store the reports in this PACS (DICOMweb root) by STOW-RS." };
        var user = new Option<string?>("--user") { Description = "With --stow: the PACS account (HTTP basic authentication)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "With --stow: read the PACS password from standard input." };
        var export = new Command("export",
            "Write the current gold standard: CSV per slice, COCO JSON with the consensus boxes, or one DICOM SR per scan.")
        {
            format, output, stow, user, passwordStdin,
        };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var services = await context.GetServicesAsync(cancellationToken);
            if (parse.GetValue(format) == "sr")
            {
                var result = await services.GetRequiredService<GoldSrExporter>().WriteAsync(path, cancellationToken);
                await context.Out.WriteLineAsync(
                    $"Wrote {result.Files.Count} structured reports (TID 1500) to {path}: {result.Files.Sum(f => f.Slices)} labelled slices, "
                    + $"{result.Files.Sum(f => f.Boxes)} boxes.");
                foreach (var skipped in result.Skipped)
                {
                    await context.Out.WriteLineAsync($"skipped {skipped}");
                }

                return parse.GetValue(stow) is { } pacs
                    ? await StoreAsync(context, services, pacs, parse.GetValue(user), parse.GetValue(passwordStdin), result, cancellationToken)
                    : 0;
            }

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

    /// <summary>STOW-RS of the written reports; exit code 1, with the reason, when the PACS cannot take them.</summary>
    private static async Task<int> StoreAsync(
        CliContext context, IServiceProvider services, string pacs, string? user, bool passwordStdin, SrExportResult result,
        CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(pacs, UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            await context.Error.WriteLineAsync($"--stow takes an http:// or https:// address, not '{pacs}'.");
            return 1;
        }

        var (credentials, error) = await CliCredentials.ReadPacsAccountAsync(context, user, passwordStdin, cancellationToken);
        if (error is not null)
        {
            await context.Error.WriteLineAsync(error);
            return 1;
        }

        var client = services.GetRequiredService<DicomWebImporter>().CreateClient(root, credentials);
        try
        {
            await client.StoreAsync([.. result.Files.Select(f => f.Path)], cancellationToken);
        }
        catch (DicomWebException exception)
        {
            await context.Error.WriteLineAsync($"The reports are written, but the PACS did not store them: {exception.Message}.");
            return 1;
        }

        await context.Out.WriteLineAsync($"Stored {result.Files.Count} reports in the PACS at {root.Authority} (STOW-RS).");
        return 0;
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
