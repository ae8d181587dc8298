using System.Globalization;
using System.Text.Json;
using BlendSign.Data.Audit;
using BlendSign.Web.Tests.Cli;
using BlendSign.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Tests.Features.Reading.Load;

/// <summary><c>bench load</c> against a real server on a loopback port, on a one-scan demo: a few seconds, no timed assertions.</summary>
public sealed class BenchLoadCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task BenchLoad_ThreeRatersForThreeSeconds_LabelsSavedNoneLostOrDuplicatedAndTheJsonHasEveryField()
    {
        var (demoExit, _, demoError) = await _cli.RunAsync("demo", "--scans", "1");
        Assert.True(demoExit == 0, demoError);
        await using var server = new KestrelServer(_cli.Database);

        var (exitCode, output, error) = await _cli.RunAsync("bench", "load", "--url", server.BaseUrl, "--raters", "3", "--seconds", "3",
            "--pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(
            ["url", "raters", "think_ms", "seconds", "requests", "labels_saved", "labels_saved_per_second", "save_ms", "image_ms", "errors", "errors_by_kind", "server_memory", "verification"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("raters").GetInt32());
        var saved = root.GetProperty("labels_saved").GetInt32();
        Assert.True(saved > 0, output);
        Assert.Equal(["count", "p50", "p95", "p99", "max"], root.GetProperty("save_ms").EnumerateObject().Select(p => p.Name));
        Assert.Equal(saved, root.GetProperty("save_ms").GetProperty("count").GetInt32());
        Assert.True(root.GetProperty("image_ms").GetProperty("count").GetInt32() > 0, output);
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        Assert.True(root.GetProperty("server_memory").GetProperty("rss_mb").GetDouble() > 0, output);
        var verification = root.GetProperty("verification");
        Assert.Equal(saved, verification.GetProperty("acknowledged").GetInt32());
        Assert.Equal(0, verification.GetProperty("lost").GetInt32());
        Assert.Equal(0, verification.GetProperty("duplicated").GetInt32());
        Assert.True(verification.GetProperty("passed").GetBoolean());

        // The writes went through the reading API: one audit entry per acknowledged save, from the load raters.
        await using var db = _cli.Database.CreateDbContext();
        Assert.Equal(saved, await db.AuditEntries.CountAsync(e => e.Entity == AuditEntity.Label && e.Source == AuditSources.Api));
        Assert.Equal(3, await db.AuditEntries.Where(e => e.Source == AuditSources.Api).Select(e => e.ActorName).Distinct().CountAsync());
    }

    [Theory]
    [InlineData("http://example.com:5000")]
    [InlineData("http://10.0.0.1:5000")]
    [InlineData("ftp://127.0.0.1:5000")]
    public async Task BenchLoad_NotThisMachine_ExitCode1AndNothingWritten(string url)
    {
        var (exitCode, output, error) = await _cli.RunAsync("bench", "load", "--url", url, "--raters", "1", "--seconds", "1");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("--url", error);
        await using var db = _cli.Database.CreateDbContext();
        Assert.False(await db.Users.AnyAsync());
    }

    public void Dispose() => _cli.Dispose();
}
