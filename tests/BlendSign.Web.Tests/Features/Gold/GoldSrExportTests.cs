using BlendSign.Tests.Shared;
using BlendSign.Web.Tests.Cli;

namespace BlendSign.Web.Tests.Features.Gold;

/// <summary><c>gold export --format sr</c>: one TID 1500 report per demo scan, stored in a real Orthanc by STOW-RS.</summary>
public sealed class GoldSrExportTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly TempDirectory _out = new();

    [Fact]
    public async Task GoldExportSr_DemoScansWithStow_OneReportPerScanStoredInThePacs()
    {
        using var pacs = await OrthancServer.StartAsync("lead", "pacs-Passw0rd");
        var (demoExit, _, demoError) = await _cli.RunAsync("demo", "--scans", "2", "--seed", "5");
        Assert.True(demoExit == 0, demoError);
        var folder = _out.Combine("reports");

        var (exitCode, output, error) = await _cli.RunWithInputAsync("pacs-Passw0rd\n",
            "gold", "export", "--format", "sr", "--out", folder, "--stow", pacs.DicomWebRoot.AbsoluteUri, "--user", "lead", "--password-stdin");

        Assert.True(exitCode == 0, error);
        Assert.Equal(["SCAN-0001.sr.dcm", "SCAN-0002.sr.dcm"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Matches(@"^Wrote 2 structured reports \(TID 1500\) to .*: \d+ labelled slices, \d+ boxes\.", output);
        Assert.Contains($"Stored 2 reports in the PACS at 127.0.0.1:{pacs.HttpPort} (STOW-RS).", output);
        Assert.Equal(2, await pacs.CountInstancesAsync());
    }

    [Fact]
    public async Task GoldExportSr_PacsRefusesThePassword_ExitCode1AndTheReportsStayOnDisk()
    {
        using var pacs = await OrthancServer.StartAsync("lead", "pacs-Passw0rd");
        await _cli.RunAsync("demo", "--scans", "1", "--seed", "6");
        var folder = _out.Combine("reports");

        var (exitCode, _, error) = await _cli.RunWithInputAsync("wrong\n",
            "gold", "export", "--format", "sr", "--out", folder, "--stow", pacs.DicomWebRoot.AbsoluteUri, "--user", "lead", "--password-stdin");

        Assert.Equal(1, exitCode);
        Assert.Contains("The reports are written, but the PACS did not store them: the PACS refused the user name and password of lead (HTTP 401).", error);
        Assert.Single(Directory.GetFiles(folder));
    }

    public void Dispose()
    {
        _cli.Dispose();
        _out.Dispose();
    }
}
