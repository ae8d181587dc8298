using System.CommandLine;
using System.Globalization;
using BlendSign.Model.Network;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// Run as a child process before the first network is built, so a kernel that kills its process costs the fast path,
/// not the server. Exit code 0 when the fast path passed, 3 when it differs.
/// </summary>
public sealed class CpuCheckVerb : ICliVerb
{
    public const string VerbName = "cpu-check";
    public const int DiffersExitCode = 3;

    public string Name => VerbName;

    public Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "One JSON document on standard output." };
        var command = new Command(Name, "Checks the network's CPU fast path (channels-last) against libtorch's default layout on this CPU.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var report = await Task.Run(() => new CpuFastPathCheck().Run(), cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(context.Out, report);
            }
            else
            {
                await context.Out.WriteLineAsync(report.Passed
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"{report.Cpu}: the fast path (channels-last) gives the reference path's outputs and gradients (largest relative difference {report.LargestDifference:g2}, tolerance {CpuFastPathCheck.Tolerance:g1}); the network uses it.")
                    : $"{report.Cpu}: the fast path is off: {report.Reason}.");
            }

            return report.Passed ? 0 : DiffersExitCode;
        });
        return command;
    }
}
