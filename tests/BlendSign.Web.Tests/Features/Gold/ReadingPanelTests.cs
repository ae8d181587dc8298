using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Tests.Shared;
using BlendSign.Web.Tests.Cli;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Tests.Features.Gold;

/// <summary>Accounts never change the gold standard: the readers a started scan counts are fixed before the change.</summary>
public sealed class ReadingPanelTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly TempDirectory _out = new();

    [Fact]
    public async Task UsersAdd_ThreeRadiologistsOnTheDemo_GoldExportByteIdenticalAndPanelsAudited()
    {
        var (demoExit, _, demoError) = await _cli.RunAsync("demo", "--scans", "3", "--seed", "11");
        Assert.True(demoExit == 0, demoError);
        var before = await ExportAsync("before.csv");
        var incompleteBefore = await IncompleteAsync();

        foreach (var name in new[] { "newrater1", "newrater2", "newrater3" })
        {
            var (exit, _, error) = await _cli.RunWithInputAsync("Str0ng-passw0rd\n", "users", "add", name, "--role", "radiologist");
            Assert.True(exit == 0, error);
        }

        Assert.Equal(before, await ExportAsync("after.csv"));
        await using var db = _cli.Database.CreateDbContext();
        var fixedPanels = await db.AuditEntries.Where(e => e.Entity == AuditEntity.Assignment).ToListAsync();
        Assert.Equal(3, fixedPanels.Count);
        Assert.All(fixedPanels, e => Assert.Contains("before adding radiologist newrater1", e.NewValue, StringComparison.Ordinal));
        Assert.DoesNotContain(await db.ScanAssignments.Select(a => a.Rater.UserName).ToListAsync(), n => n!.StartsWith("newrater", StringComparison.Ordinal));
        Assert.Equal(incompleteBefore, await IncompleteAsync());
    }

    private async Task<int> IncompleteAsync() =>
        (await new GoldStandardService(_cli.Database).ComputeAsync()).Slices.Count(s => s.Vote.Status == GoldStatus.Incomplete);

    private async Task<byte[]> ExportAsync(string name)
    {
        var path = _out.Combine(name);
        var (exit, _, error) = await _cli.RunAsync("gold", "export", "--format", "csv", "--out", path);
        Assert.True(exit == 0, error);
        return await File.ReadAllBytesAsync(path);
    }

    public void Dispose()
    {
        _cli.Dispose();
        _out.Dispose();
    }
}
