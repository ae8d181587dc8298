using System.CommandLine;
using BlendSign.Model.Network;
using BlendSign.Web.Features.Reading;
using BlendSign.Web.Features.Reading.Load;
using BlendSign.Web.Features.Training;

namespace BlendSign.Web.Cli;

/// <summary><c>bench SUBCOMMAND</c>: throughput measurements; each subcommand lives in its own file.</summary>
public sealed class BenchVerb : ICliVerb
{
    public string Name => "bench";

    public Command Create(CliContext context) =>
        new(Name, "Measure throughput and load (reported, never asserted).")
        {
            BenchRenderCommand.Create(context),
            BenchTrainStepCommand.Create(context),
            BenchInferCommand.Create(context),
            BenchLoadCommand.Create(context),
        };

    /// <summary>Whether this CPU passed the fast path check (once per process, in a child process; see <see cref="CpuFastPathGuard"/>).</summary>
    internal static async Task<bool> CpuFastPathAsync(CliContext context, CancellationToken cancellationToken)
    {
        var services = await context.GetServicesAsync(cancellationToken);
        return services.GetRequiredService<CpuFastPathGuard>().Verdict.FastPath;
    }
}
