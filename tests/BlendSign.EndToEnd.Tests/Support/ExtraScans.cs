using BlendSign.Data.Demo;
using BlendSign.Data.Import;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>
/// Adds a scan nobody has read to a running <see cref="DemoServer"/>, as a lead's import would: a phantom scan of a
/// chosen slice count written as DICOM and imported. It has no assignment rows, so every radiologist reads it.
/// </summary>
public static class ExtraScans
{
    /// <summary>Returns the new scan's database id and pseudonymous id.</summary>
    public static async Task<(int ScanId, string PseudonymousId)> AddUnreadScanAsync(this DemoServer server, int slices, int seed)
    {
        var services = server.Services;
        var folder = Path.Combine(server.DataDirectory, "extra-scans", $"seed-{seed}");
        var shape = new PhantomOptions { MinSlices = slices, MaxSlices = slices };
        var demo = services.GetRequiredService<DemoGenerator>().Generate(1, seed, folder, shape: shape);
        var report = await services.GetRequiredService<DicomImporter>().ImportAsync(demo.Files, new ImportSettings(), null, CancellationToken.None);
        Assert.Equal(slices, report.Imported);

        var series = demo.Scans[0].SeriesInstanceUid;
        await using var db = await services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        var scan = await db.Scans.Where(s => s.SeriesInstanceUid == series).Select(s => new { s.Id, s.PseudonymousId }).SingleAsync();
        return (scan.Id, scan.PseudonymousId);
    }
}
