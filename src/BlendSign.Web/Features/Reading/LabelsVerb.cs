using System.CommandLine;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Reading;

public sealed class LabelsVerb : ICliVerb
{
    public string Name => "labels";

    public Command Create(CliContext context) =>
        new(Name, "Import or export raters' slice labels as CSV.") { CreateImport(context), CreateExport(context) };

    private static Command CreateImport(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "CSV with the header rater,sop_instance_uid,label." };
        var import = new Command("import", "Set each (rater, slice) label the file gives; the whole file or nothing; audited.") { file };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            using var reader = await CliFiles.OpenTextAsync(path, context.Error);
            if (reader is null)
            {
                return 1;
            }

            var services = await context.GetServicesAsync(cancellationToken);
            var result = await services.GetRequiredService<LabelCsvImporter>()
                .ImportAsync(reader, CliActor.For(AuditSources.Csv), cancellationToken);
            if (result.Error is { } error)
            {
                await context.Error.WriteLineAsync($"Refused {path}, {error} Nothing was imported.");
                return 1;
            }

            await context.Out.WriteLineAsync(
                $"Imported {result.Rows} labels from {path}: {result.Created} created, {result.Changed} changed, {result.Unchanged} unchanged.");
            return 0;
        });
        return import;
    }

    private static Command CreateExport(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "The CSV file to write.", Required = true };
        var includeExcluded = new Option<bool>("--include-excluded")
        {
            Description = "Also export labels of scans excluded by the study's criteria.",
        };
        var withMeasurements = new Option<bool>("--with-measurements")
        {
            Description = "Add the blend-sign helper's ROI means, their difference and the 18 HU verdict attached to each read.",
        };
        var export = new Command("export", "Write every label, sorted by scan, slice and rater.") { output, includeExcluded, withMeasurements };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var services = await context.GetServicesAsync(cancellationToken);
            var result = await CliFiles.WriteAtomicallyAsync(path, writer => services.GetRequiredService<LabelCsvExporter>()
                .ExportAsync(writer, parse.GetValue(includeExcluded), parse.GetValue(withMeasurements), cancellationToken));
            await context.Out.WriteLineAsync($"Wrote {result.Rows} labels of {result.Scans} scans to {path}.");
            return 0;
        });
        return export;
    }
}
