using System.CommandLine;
using System.Globalization;
using BlendSign.Data.Audit;
using BlendSign.Data.Import;
using BlendSign.Data.Import.DicomWeb;
using BlendSign.Data.Import.Dimse;
using BlendSign.Data.Persistence;
using BlendSign.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Import;

/// <summary>
/// Exit code 0 whenever the run finished, whatever it rejected; 1 when the PACS could not be searched (refused,
/// unreachable), with nothing imported. Progress goes to the log (standard error).
/// </summary>
public sealed class ImportVerb : ICliVerb
{
    public string Name => "import";

    public Command Create(CliContext context)
    {
        var options = new ImportVerbOptions();
        var command = new Command(Name, "Import DICOM slices from files or a PACS: each file is imported, a duplicate, or rejected with a reason.");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(context, options, parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ImportVerbOptions options, ParseResult parse, CancellationToken cancellationToken)
    {
        var given = parse.GetValue(options.Paths) ?? [];
        var pacs = parse.GetValue(options.DicomWeb);
        var settings = new ImportSettings(parse.GetValue(options.AssumeCt), parse.GetValue(options.AcceptBurnedIn));
        var services = await context.GetServicesAsync(cancellationToken);
        ImportReport? report;
        if (parse.GetValue(options.Dimse) is { } node)
        {
            report = await ImportByDimseAsync(
                context, services, options, parse, node, otherSource: pacs is not null || given.Length > 0, settings, cancellationToken);
        }
        else if (pacs is null)
        {
            report = await ImportFilesAsync(context, services, options, parse, given, settings, cancellationToken);
        }
        else
        {
            report = await ImportFromDicomWebAsync(context, services, options, parse, pacs, given, settings, cancellationToken);
        }

        if (report is null)
        {
            return 1;
        }

        var source = parse.GetValue(options.Dimse) is not null ? "DIMSE" : pacs is null ? "files" : "DICOMweb";
        await ImportAudit.RecordAsync(services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>(), CliActor.For(AuditSources.Cli),
            $"command line: {source}", report, cancellationToken);

        if (parse.GetValue(options.Json))
        {
            CliJson.Write(context.Out, report);
        }
        else
        {
            await WriteSummaryAsync(context.Out, report);
        }

        return 0;
    }

    private static async Task<ImportReport?> ImportByDimseAsync(
        CliContext context, IServiceProvider services, ImportVerbOptions options, ParseResult parse, string node, bool otherSource,
        ImportSettings settings, CancellationToken cancellationToken)
    {
        if (otherSource || HasPacsOptions(parse, options.Series, options.Since, options.User, options.PasswordStdin))
        {
            await context.Error.WriteLineAsync("--dimse takes --called-ae and --study only: import files, DICOMweb and DIMSE in separate runs.");
            return null;
        }

        if (ReadDimseQuery(node, parse.GetValue(options.CalledAe), parse.GetValue(options.Studies) ?? []) is not { } query)
        {
            await context.Error.WriteLineAsync("--dimse takes HOST:PORT, with --called-ae AE and at least one --study UID.");
            return null;
        }

        return await services.GetRequiredService<DimseImporter>().ImportAsync(query, settings, progress: null, cancellationToken);
    }

    private static async Task<ImportReport?> ImportFilesAsync(
        CliContext context, IServiceProvider services, ImportVerbOptions options, ParseResult parse, string[] given,
        ImportSettings settings, CancellationToken cancellationToken)
    {
        if (given.Length == 0
            || HasPacsOptions(parse, options.Studies, options.Series, options.Since, options.User, options.PasswordStdin, options.CalledAe))
        {
            await context.Error.WriteLineAsync(given.Length == 0
                ? "Give the files, folders or .zip archives to import, or --dicomweb BASE_URL."
                : "--study, --series, --since, --user and --password-stdin go with --dicomweb (--study and --called-ae with --dimse).");
            return null;
        }

        return await services.GetRequiredService<DicomImporter>().ImportAsync(given, settings, progress: null, cancellationToken);
    }

    /// <summary>The DICOMweb import, or null after saying on standard error what is wrong with the options or the PACS.</summary>
    private static async Task<ImportReport?> ImportFromDicomWebAsync(
        CliContext context, IServiceProvider services, ImportVerbOptions options, ParseResult parse, string pacs, string[] given,
        ImportSettings settings, CancellationToken cancellationToken)
    {
        var query = await ReadQueryAsync(context, pacs, given, parse, options, cancellationToken);
        if (query is null)
        {
            return null;
        }

        try
        {
            return await services.GetRequiredService<DicomWebImporter>().ImportAsync(query, settings, progress: null, cancellationToken);
        }
        catch (DicomWebException exception)
        {
            await context.Error.WriteLineAsync($"Nothing imported: {exception.Message}.");
            return null;
        }
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

    private static async Task<DicomWebQuery?> ReadQueryAsync(
        CliContext context, string pacs, string[] given, ParseResult parse, ImportVerbOptions options, CancellationToken cancellationToken)
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
        if (parse.GetValue(options.Since) is { } sinceText)
        {
            if (!DateOnly.TryParseExact(sinceText, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return await Refuse($"--since takes a date as YYYY-MM-DD, not '{sinceText}'.");
            }

            from = date;
        }

        var (credentials, error) = await CliCredentials.ReadPacsAccountAsync(
            context, parse.GetValue(options.User), parse.GetValue(options.PasswordStdin), cancellationToken);
        if (error is not null)
        {
            return await Refuse(error);
        }

        return new DicomWebQuery(root, parse.GetValue(options.Studies) ?? [], parse.GetValue(options.Series) ?? [], from, credentials);
    }

    private static async Task WriteSummaryAsync(TextWriter output, ImportReport report)
    {
        await output.WriteLineAsync(report.Summary);
        foreach (var item in report.Items.Where(i => i.Status == ImportItemStatus.Rejected))
        {
            await output.WriteLineAsync($"rejected {item.File}: {item.Reason}");
        }

        await output.FlushAsync();
    }
}
