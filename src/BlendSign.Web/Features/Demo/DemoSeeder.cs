using System.Text.RegularExpressions;
using BlendSign.Data.Audit;
using BlendSign.Data.Configuration;
using BlendSign.Data.Demo;
using BlendSign.Data.Import;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Demo;

/// <summary>Imports the synthetic scans like any other files; refuses when demo scans are already in the database.</summary>
public sealed partial class DemoSeeder(
    DataPaths paths,
    DemoGenerator generator,
    DicomImporter importer,
    DemoAccountSeeder accounts,
    DemoReads reads,
    IDbContextFactory<BlendSignDbContext> dbFactory,
    ILogger<DemoSeeder> logger)
{
    public string DefaultTruthFile => Path.Combine(paths.Demo, "truth.csv");

    public async Task<DemoSeedResult> SeedAsync(DemoSeedRequest request, CancellationToken cancellationToken)
    {
        var truthFile = Path.GetFullPath(request.TruthFile ?? DefaultTruthFile);
        if (await reads.HasDemoScansAsync(cancellationToken))
        {
            return DemoSeedResult.Refused(
                "the demo is already seeded (the database holds demo scans); use an empty data directory to seed it again",
                paths.Demo, truthFile);
        }

        RemoveUnimportedScanFolders();
        var demo = generator.Generate(request.Scans, request.Seed, paths.Demo, progress: null, cancellationToken);
        var report = await importer.ImportAsync(demo.Files, new ImportSettings(), progress: null, cancellationToken);
        await ImportAudit.RecordAsync(dbFactory, AuditActor.System(AuditSources.Demo), "demo", report, cancellationToken);
        if (report.Rejected > 0)
        {
            logger.LogWarning("Demo import rejected {Rejected} of {Files} files: {Reasons}", report.Rejected, report.Files,
                string.Join("; ", report.Items.Where(i => i.Status == ImportItemStatus.Rejected).Select(i => i.Reason).Distinct()));
        }

        var (demoAccounts, generatedPassword) = await accounts.EnsureAsync();
        var (labels, boxes) = await reads.StoreAsync(demo, cancellationToken);
        await TruthFile.WriteAsync(truthFile, demo.Truth, cancellationToken);

        var counts = demo.TrueClassCounts;
        logger.LogInformation(
            "Demo seeded: {Scans} scans, {Slices} slices ({NonIch} non_ich, {NormalIch} normal_ich, {BlendSign} blend_sign), "
            + "{Labels} labels and {Boxes} boxes from {Raters} simulated raters; truth file {TruthFile}",
            demo.Scans.Count, counts.Values.Sum(), counts[HemorrhageClass.NonIch], counts[HemorrhageClass.NormalIch],
            counts[HemorrhageClass.BlendSign], labels, boxes, demo.Raters.Count, truthFile);
        return new DemoSeedResult(null, demo.Scans.Count, counts.Values.Sum(), report.Imported, report.Rejected, counts,
            labels, boxes, demoAccounts, generatedPassword, paths.Demo, truthFile);
    }

    /// <summary>Scan folders left by a run that stopped before its import: no database row refers to them.</summary>
    private void RemoveUnimportedScanFolders()
    {
        if (!Directory.Exists(paths.Demo))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(paths.Demo).Where(f => ScanFolderName().IsMatch(Path.GetFileName(f))))
        {
            logger.LogInformation("Removing {Folder}, left by an earlier demo run that did not finish", folder);
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^scan-\d{4,}$")]
    private static partial Regex ScanFolderName();
}
