using System.CommandLine;
using BlendSign.Data.Import;

namespace BlendSign.Web.Cli.Verbs;

/// <summary>
/// <c>import PATH... [--assume-ct] [--json]</c>: imports DICOM files, folders and .zip archives. Exit code 0
/// whenever the run finished, whatever it rejected; progress goes to the log (standard error).
/// </summary>
public sealed class ImportVerb : ICliVerb
{
    public string Name => "import";

    public Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "DICOM files, folders (searched recursively) or .zip archives.",
            Arity = ArgumentArity.OneOrMore,
        };
        var assumeCt = new Option<bool>("--assume-ct")
        {
            Description = "Vouch that grayscale slices of another modality (e.g. OT) hold CT values in HU.",
        };
        var json = new Option<bool>("--json") { Description = "Write the report as one JSON document." };
        var command = new Command(Name, "Import DICOM slices: each file is imported, a duplicate, or rejected with a reason.")
        {
            paths, assumeCt, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var services = await context.GetServicesAsync(cancellationToken);
            var importer = services.GetRequiredService<DicomImporter>();
            var report = await importer.ImportAsync(
                parse.GetValue(paths) ?? [], new ImportSettings(parse.GetValue(assumeCt)), progress: null, cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(context.Out, report);
            }
            else
            {
                await WriteSummaryAsync(context.Out, report);
            }

            return 0;
        });
        return command;
    }

    private static async Task WriteSummaryAsync(TextWriter output, ImportReport report)
    {
        await output.WriteLineAsync(
            $"{report.Files} files: {report.Imported} imported, {report.Duplicates} duplicates, {report.Rejected} rejected; "
            + $"{report.Scans} scans with {report.Slices} slices.");
        foreach (var item in report.Items.Where(i => i.Status == ImportItemStatus.Rejected))
        {
            await output.WriteLineAsync($"rejected {item.File}: {item.Reason}");
        }

        await output.FlushAsync();
    }
}
