using System.CommandLine;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Reading;

public sealed class BoxesVerb : ICliVerb
{
    public string Name => "boxes";

    public Command Create(CliContext context) =>
        new(Name, "Import or export raters' hemorrhage boxes and centers as CSV.") { CreateImport(context), CreateExport(context) };

    private static Command CreateImport(CliContext context)
    {
        var file = new Argument<string>("file") { Description = $"CSV with the header {BoxCsv.Header}." };
        var import = new Command("import",
            "For each (rater, slice) the file names, its boxes replace that rater's boxes on that slice; others are left alone. "
            + "The whole file or nothing; audited.") { file };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            using var reader = await CliFiles.OpenTextAsync(path, context.Error);
            if (reader is null)
            {
                return 1;
            }

            var services = await context.GetServicesAsync(cancellationToken);
            var result = await services.GetRequiredService<BoxCsvImporter>()
                .ImportAsync(reader, CliActor.For(AuditSources.Csv), cancellationToken);
            if (result.Error is { } error)
            {
                await context.Error.WriteLineAsync($"Refused {path}, {error} Nothing was imported.");
                return 1;
            }

            await context.Out.WriteLineAsync(
                $"Imported {result.Rows} boxes from {path} for {result.Slices} (rater, slice) pairs: "
                + $"{result.Created} created, {result.Deleted} deleted, {result.Unchanged} unchanged.");
            return 0;
        });
        return import;
    }

    private static Command CreateExport(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "The CSV file to write.", Required = true };
        var includeExcluded = new Option<bool>("--include-excluded")
        {
            Description = "Also export boxes of scans excluded by the study's criteria.",
        };
        var export = new Command("export", "Write every box, sorted by scan, slice, rater and position.") { output, includeExcluded };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var services = await context.GetServicesAsync(cancellationToken);
            var result = await CliFiles.WriteAtomicallyAsync(path, writer => services.GetRequiredService<BoxCsvExporter>()
                .ExportAsync(writer, parse.GetValue(includeExcluded), cancellationToken));
            await context.Out.WriteLineAsync($"Wrote {result.Rows} boxes of {result.Scans} scans to {path}.");
            return 0;
        });
        return export;
    }
}
