using BlendSign.Data.Scans;
using BlendSign.Web.Features.Reading;
using BlendSign.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components.Web;

namespace BlendSign.Web.Tests.Features.Reading;

/// <summary>A scan of 512×512 slices in the test database and a rendered, live viewer on it.</summary>
public abstract class ViewerTestBase : BlendSignComponentTest
{
    protected async Task<int> AddScanAsync(int slices)
    {
        await using var db = Database.CreateDbContext();
        var scan = new Scan
        {
            PseudonymousId = "SCAN-0001",
            StudyInstanceUid = "1.2.3",
            SeriesInstanceUid = "1.2.3.4",
            Modality = "CT",
            ImportedAt = DateTimeOffset.UtcNow,
        };
        for (var i = 0; i < slices; i++)
        {
            scan.Slices.Add(new Slice
            {
                SopInstanceUid = $"1.2.3.4.{i}",
                SliceIndex = i,
                Rows = 512,
                Columns = 512,
                StoreKey = new string('a', 64),
                TransferSyntaxUid = "1.2.840.10008.1.2.1",
            });
        }

        db.Scans.Add(scan);
        await db.SaveChangesAsync();
        return scan.Id;
    }

    protected IRenderedComponent<Viewer> RenderViewer(int scanId)
    {
        var viewer = Render<Viewer>(p => p.Add(v => v.ScanId, scanId));
        viewer.WaitForElement("[data-testid=viewer][data-ready=true]");
        return viewer;
    }

    protected static Task PressAsync(IRenderedComponent<Viewer> viewer, string key, bool ctrl = false) =>
        viewer.Find("[data-testid=viewer]").KeyDownAsync(new KeyboardEventArgs { Key = key, CtrlKey = ctrl });

    protected static string Position(IRenderedComponent<Viewer> viewer) => viewer.Find("[data-testid=slice-position]").TextContent;

    protected static string CurrentLabel(IRenderedComponent<Viewer> viewer) => viewer.Find("[data-testid=current-label]").GetAttribute("data-label")!;
}
