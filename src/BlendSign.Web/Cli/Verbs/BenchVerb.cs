using System.CommandLine;

namespace BlendSign.Web.Cli.Verbs;

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
}
