using System.Diagnostics;
using BlendSign.Data.Demo;
using BlendSign.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Data.Tests.Demo;

/// <summary>
/// The demo's CT files as validators nobody here wrote see them (Debian's dicom3tools, installed by
/// <c>scripts/install.sh --tests</c>): every file a valid CT Image IOD, every series consistent.
/// </summary>
public sealed class DemoValidatorTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly DemoGenerator _generator = new(NullLogger<DemoGenerator>.Instance);

    [Fact]
    public async Task Dciodvfy_EveryDemoFile_NoErrorAndNoWarning()
    {
        var demo = _generator.Generate(scans: 2, seed: 7, _temp.Path);

        foreach (var file in demo.Files)
        {
            var output = await RunAsync("dciodvfy", [file]);
            var problems = output.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal));
            Assert.True(!problems.Any(), $"{Path.GetFileName(file)}: {string.Join("; ", problems)}");
        }
    }

    [Fact]
    public async Task Dcentvfy_EachDemoScan_NoInconsistencyWithinItsStudyAndSeries()
    {
        var demo = _generator.Generate(scans: 2, seed: 8, _temp.Path);

        foreach (var scan in demo.Scans)
        {
            var output = await RunAsync("dcentvfy", [.. scan.Slices.Select(s => s.FilePath)]);
            Assert.True(output.Trim().Length == 0, $"scan {scan.ScanNumber}: {output}");
        }
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Standard output and error together; a missing validator fails the test with the install step that brings it.</summary>
    private static async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail($"{tool} is not installed: scripts/install.sh --tests installs Debian's dicom3tools.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (await output) + (await error);
        }
    }
}
