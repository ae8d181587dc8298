using System.Text.RegularExpressions;
using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Configuration;
using BlendSign.Data.Demo;
using BlendSign.Data.Import;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Demo;

/// <summary>Imports the synthetic scans like any other files; refuses when demo scans are already in the database.</summary>
public sealed partial class DemoSeeder(
    IDbContextFactory<BlendSignDbContext> dbFactory,
    DataPaths paths,
    DemoGenerator generator,
    DicomImporter importer,
    AccountService accounts,
    UserManager<ApplicationUser> users,
    IOptions<BlendSignOptions> options,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    public string DefaultTruthFile => Path.Combine(paths.Demo, "truth.csv");

    public async Task<bool> HasDemoScansAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Scans.AnyAsync(s => s.SeriesDescription == DemoGenerator.SeriesDescription, cancellationToken);
    }

    public async Task<DemoSeedResult> SeedAsync(DemoSeedRequest request, CancellationToken cancellationToken)
    {
        var truthFile = Path.GetFullPath(request.TruthFile ?? DefaultTruthFile);
        if (await HasDemoScansAsync(cancellationToken))
        {
            return DemoSeedResult.Refused(
                "the demo is already seeded (the database holds demo scans); use an empty data directory to seed it again",
                paths.Demo, truthFile);
        }

        RemoveUnimportedScanFolders();
        var demo = generator.Generate(request.Scans, request.Seed, paths.Demo, progress: null, cancellationToken);
        var report = await importer.ImportAsync(demo.Files, new ImportSettings(), progress: null, cancellationToken);
        if (report.Rejected > 0)
        {
            logger.LogWarning("Demo import rejected {Rejected} of {Files} files: {Reasons}", report.Rejected, report.Files,
                string.Join("; ", report.Items.Where(i => i.Status == ImportItemStatus.Rejected).Select(i => i.Reason).Distinct()));
        }

        var (demoAccounts, generatedPassword) = await EnsureAccountsAsync();
        var (labels, boxes) = await StoreReadsAsync(demo, cancellationToken);
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

    private async Task<(IReadOnlyList<DemoAccount> Accounts, string? GeneratedPassword)> EnsureAccountsAsync()
    {
        var configured = options.Value.DemoPassword;
        var password = string.IsNullOrEmpty(configured) ? DemoAccounts.NewPassword() : configured;
        await accounts.EnsureRolesAsync();
        var result = new List<DemoAccount>();
        foreach (var (userName, role) in DemoAccounts.All)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                result.Add(new DemoAccount(userName, role, Created: false));
                continue;
            }

            var created = await accounts.CreateAsync(userName, role, password, AuditActor.System(AuditSources.Demo));
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the demo account '{userName}': {created.Error}");
            }

            result.Add(new DemoAccount(userName, role, Created: true));
        }

        var generated = string.IsNullOrEmpty(configured) && result.Any(a => a.Created) ? password : null;
        return (result, generated);
    }

    private async Task<(int Labels, int Boxes)> StoreReadsAsync(DemoDataSet demo, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var raterNames = demo.Raters.Select(r => users.NormalizeName(r.UserName)).ToList();
        var raterIds = await db.Users
            .Where(u => raterNames.Contains(u.NormalizedUserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, StringComparer.Ordinal, cancellationToken);
        var sops = demo.Slices.Select(s => s.SopInstanceUid).ToList();
        var sliceIds = await db.Slices
            .Where(s => sops.Contains(s.SopInstanceUid))
            .ToDictionaryAsync(s => s.SopInstanceUid, s => s.Id, StringComparer.Ordinal, cancellationToken);

        var now = time.GetUtcNow();
        int labels = 0, boxes = 0;
        foreach (var read in demo.Reads)
        {
            if (!sliceIds.TryGetValue(read.SopInstanceUid, out var sliceId))
            {
                continue; // not imported (reported above)
            }

            var raterId = raterIds[read.Rater];
            db.SliceLabels.Add(new SliceLabel { SliceId = sliceId, RaterId = raterId, Label = read.Label, UpdatedAt = now });
            labels++;
            foreach (var box in read.Boxes)
            {
                db.HemorrhageBoxes.Add(new HemorrhageBox
                {
                    SliceId = sliceId,
                    RaterId = raterId,
                    CenterX = box.CenterX,
                    CenterY = box.CenterY,
                    Left = box.Left,
                    Top = box.Top,
                    Right = box.Right,
                    Bottom = box.Bottom,
                    UpdatedAt = now,
                });
                boxes++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (labels, boxes);
    }

    [GeneratedRegex(@"^scan-\d{4,}$")]
    private static partial Regex ScanFolderName();
}
