using System.CommandLine;
using System.Globalization;
using BlendSign.Data.Import;
using BlendSign.Data.Import.DicomWeb;
using BlendSign.Data.Import.Dimse;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Import;

/// <summary>
/// <c>import PATH... [--assume-ct] [--json]</c>: imports DICOM files, folders and .zip archives;
/// <c>import --dicomweb BASE_URL [--study UID]... [--series UID]... [--since DATE] [--user U --password-stdin]</c>:
/// the same from a PACS (QIDO-RS + WADO-RS); <c>import --dimse HOST:PORT --called-ae AE --study UID...</c>: by C-MOVE
/// from a PACS without DICOMweb. Exit code 0 whenever the run finished, whatever it rejected; 1 when
/// the PACS could not be searched (refused, unreachable), with nothing imported. Progress goes to the log (standard error).
/// </summary>
public sealed class ImportVerb : ICliVerb
{
    public string Name => "import";

    public Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "DICOM files, folders (searched recursively) or .zip archives.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var assumeCt = new Option<bool>("--assume-ct")
        {
            Description = "Vouch that grayscale slices of another modality (e.g. OT) hold CT values in HU.",
        };
        var dicomWeb = new Option<string?>("--dicomweb") { Description = "Import from this DICOMweb root instead (e.g. http://pacs:8042/dicom-web)." };
        var studies = new Option<string[]>("--study") { Description = "With --dicomweb: this study's series (repeatable)." };
        var series = new Option<string[]>("--series") { Description = "With --dicomweb: this series (repeatable)." };
        var since = new Option<string?>("--since") { Description = "With --dicomweb: studies from this date on (YYYY-MM-DD)." };
        var user = new Option<string?>("--user") { Description = "With --dicomweb: the PACS account (HTTP basic authentication)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the PACS password from the first line of standard input." };
        var dimse = new Option<string?>("--dimse") { Description = "Import by C-MOVE from this PACS (HOST:PORT of its DICOM port) instead; needs --called-ae and --study." };
        var calledAe = new Option<string?>("--called-ae") { Description = "With --dimse: the PACS's AE title." };
        var json = new Option<bool>("--json") { Description = "Write the report as one JSON document." };
        var command = new Command(Name, "Import DICOM slices from files or a PACS: each file is imported, a duplicate, or rejected with a reason.")
        {
            paths, assumeCt, dicomWeb, studies, series, since, user, passwordStdin, dimse, calledAe, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(paths) ?? [];
            var pacs = parse.GetValue(dicomWeb);
            var settings = new ImportSettings(parse.GetValue(assumeCt));
            var services = await context.GetServicesAsync(cancellationToken);
            ImportReport report;
            if (parse.GetValue(dimse) is { } node)
            {
                if (pacs is not null || given.Length > 0 || HasPacsOptions(parse, series, since, user, passwordStdin))
                {
                    await context.Error.WriteLineAsync("--dimse takes --called-ae and --study only: import files, DICOMweb and DIMSE in separate runs.");
                    return 1;
                }

                if (ReadDimseQuery(node, parse.GetValue(calledAe), parse.GetValue(studies) ?? []) is not { } query)
                {
                    await context.Error.WriteLineAsync("--dimse takes HOST:PORT, with --called-ae AE and at least one --study UID.");
                    return 1;
                }

                report = await services.GetRequiredService<DimseImporter>().ImportAsync(query, settings, progress: null, cancellationToken);
            }
            else if (pacs is null)
            {
                if (given.Length == 0 || HasPacsOptions(parse, studies, series, since, user, passwordStdin, calledAe))
                {
                    await context.Error.WriteLineAsync(given.Length == 0
                        ? "Give the files, folders or .zip archives to import, or --dicomweb BASE_URL."
                        : "--study, --series, --since, --user and --password-stdin go with --dicomweb (--study and --called-ae with --dimse).");
                    return 1;
                }

                report = await services.GetRequiredService<DicomImporter>().ImportAsync(given, settings, progress: null, cancellationToken);
            }
            else
            {
                var query = await ReadQueryAsync(context, pacs, given, parse, studies, series, since, user, passwordStdin, cancellationToken);
                if (query is null)
                {
                    return 1;
                }

                try
                {
                    report = await services.GetRequiredService<DicomWebImporter>().ImportAsync(query, settings, progress: null, cancellationToken);
                }
                catch (DicomWebException exception)
                {
                    await context.Error.WriteLineAsync($"Nothing imported: {exception.Message}.");
                    return 1;
                }
            }

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

    private static DimseQuery? ReadDimseQuery(string node, string? calledAe, string[] studies)
    {
        var colon = node.LastIndexOf(':');
        return colon > 0 && int.TryParse(node[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and < 65536 && !string.IsNullOrWhiteSpace(calledAe) && studies.Length > 0
                ? new DimseQuery(node[..colon], port, calledAe.Trim(), studies)
                : null;
    }

    private static bool HasPacsOptions(ParseResult parse, params Option[] options) =>
        options.Any(option => parse.GetResult(option) is { Implicit: false });

    /// <summary>The query, or null after saying on standard error what is wrong with the options.</summary>
    private static async Task<DicomWebQuery?> ReadQueryAsync(
        CliContext context, string pacs, string[] given, ParseResult parse, Option<string[]> studies, Option<string[]> series,
        Option<string?> since, Option<string?> user, Option<bool> passwordStdin, CancellationToken cancellationToken)
    {
        async Task<DicomWebQuery?> Refuse(string message)
        {
            await context.Error.WriteLineAsync(message);
            return null;
        }

        if (given.Length > 0)
        {
            return await Refuse("--dicomweb imports from the PACS only; import files in a separate run.");
        }

        if (!Uri.TryCreate(pacs, UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            return await Refuse($"--dicomweb takes an http:// or https:// address, not '{pacs}'.");
        }

        DateOnly? from = null;
        if (parse.GetValue(since) is { } sinceText)
        {
            if (!DateOnly.TryParseExact(sinceText, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return await Refuse($"--since takes a date as YYYY-MM-DD, not '{sinceText}'.");
            }

            from = date;
        }

        var (credentials, error) = await CliCredentials.ReadPacsAccountAsync(context, parse.GetValue(user), parse.GetValue(passwordStdin), cancellationToken);
        if (error is not null)
        {
            return await Refuse(error);
        }

        return new DicomWebQuery(root, parse.GetValue(studies) ?? [], parse.GetValue(series) ?? [], from, credentials);
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
