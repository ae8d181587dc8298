using BlendSign.Data.Demo;
using BlendSign.Data.Import;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>
/// Adds a scan nobody has read to a running <see cref="DemoServer"/>, as a lead's import would: a phantom scan of a
/// chosen slice count written as DICOM and imported, or real DICOM files. It has no assignment rows, so every
/// radiologist reads it.
/// </summary>
public static class ExtraScans
{
    /// <summary>Returns the new scan's database id and pseudonymous id.</summary>
    public static async Task<(int ScanId, string PseudonymousId)> AddUnreadScanAsync(this DemoServer server, int slices, int seed)
    {
        var (scanId, pseudonymousId, _) = await server.AddPhantomScanAsync(new PhantomOptions { MinSlices = slices, MaxSlices = slices }, seed);
        return (scanId, pseudonymousId);
    }

    /// <summary>A phantom scan with one blend-sign hematoma; its truth says which slices show the two densities and where.</summary>
    public static async Task<(int ScanId, DemoScan Truth)> AddBlendSignScanAsync(this DemoServer server, int slices, int seed)
    {
        var options = new PhantomOptions { MinSlices = slices, MaxSlices = slices, BlendSignScanShare = 1 };
        var (scanId, _, truth) = await server.AddPhantomScanAsync(options, seed);
        return (scanId, truth);
    }

    /// <summary>Imports real DICOM files (e.g. ../shared/data) and returns the scan's database id.</summary>
    public static async Task<int> AddDicomScanAsync(this DemoServer server, IReadOnlyList<string> files)
    {
        var report = await server.Services.GetRequiredService<DicomImporter>().ImportAsync(files, new ImportSettings(), null, CancellationToken.None);
        Assert.Equal(files.Count, report.Imported + report.Duplicates);
        var sop = report.Items.First(i => i.SopInstanceUid is not null).SopInstanceUid;
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        return await db.Slices.Where(s => s.SopInstanceUid == sop).Select(s => s.ScanId).SingleAsync();
    }

    private static async Task<(int ScanId, string PseudonymousId, DemoScan Truth)> AddPhantomScanAsync(this DemoServer server, PhantomOptions shape, int seed)
    {
        var services = server.Services;
        var folder = Path.Combine(server.DataDirectory, "extra-scans", $"seed-{seed}");
        var demo = services.GetRequiredService<DemoGenerator>().Generate(1, seed, folder, shape: shape);
        var report = await services.GetRequiredService<DicomImporter>().ImportAsync(demo.Files, new ImportSettings(), null, CancellationToken.None);
        Assert.Equal(shape.MinSlices, report.Imported);

        var series = demo.Scans[0].SeriesInstanceUid;
        await using var db = await services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        var scan = await db.Scans.Where(s => s.SeriesInstanceUid == series).Select(s => new { s.Id, s.PseudonymousId }).SingleAsync();
        return (scan.Id, scan.PseudonymousId, demo.Scans[0]);
    }
}
