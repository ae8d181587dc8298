using System.CommandLine;
using BlendSign.Model.Torch;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// A training worker on any host that reaches the database and the runs path. Ctrl+C leaves the run in progress Running
/// for a worker to resume; with <c>--once</c> a failed or diverged run is the run's outcome, not the worker's (exit 0).
/// </summary>
public sealed class WorkerVerb : ICliVerb
{
    public string Name => "worker";

    public Command Create(CliContext context)
    {
        var once = new Option<bool>("--once") { Description = "Train the queued runs until the queue is empty, then exit." };
        var device = new Option<string?>("--device") { Description = "auto (CUDA when available), cpu or cuda (default: BlendSign:Training:Device, auto)." };
        device.AcceptOnlyFromAmong("auto", "cpu", "cuda");
        var json = new Option<bool>("--json") { Description = "With --once: the runs it trained, as one JSON document on standard output." };
        var command = new Command(Name,
            "Train queued runs from the shared database (a GPU host, say); the server's in-process worker can be off " +
            "(BlendSign:Training:InProcessWorker=false).")
        {
            once, device, json,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var services = await context.GetServicesAsync(cancellationToken);
            var process = services.GetRequiredService<TrainingProcess>();
            var choice = parse.GetValue(device) is { } name ? Enum.Parse<DeviceChoice>(name, ignoreCase: true) : process.ConfiguredDevice;
            // Asked for CUDA and there is none: one line for the operator, never a quiet CPU worker.
            if (choice == DeviceChoice.Cuda && !TorchRuntime.IsCudaAvailable)
            {
                await context.Error.WriteLineAsync(TorchRuntime.CudaUnavailableMessage);
                return 1;
            }

            var outcomes = await services.GetRequiredService<TrainingQueue>().RunAsync(choice, parse.GetValue(once), cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var trained = outcomes.Select(o => new WorkerRunOutput(o.RunId, o.Status.ToString().ToLowerInvariant(), o.Error)).ToArray();
            if (parse.GetValue(json))
            {
                CliJson.Write(context.Out, new WorkerOutput(process.Worker.Id, trained));
            }
            else
            {
                foreach (var run in trained)
                {
                    await context.Out.WriteLineAsync($"run {run.RunId}: {run.Status}{(run.Error is null ? "" : $" ({run.Error})")}");
                }

                await context.Out.WriteLineAsync($"worker {process.Worker.Id}: {trained.Length} run(s) trained; the queue is empty.");
            }

            return 0;
        });
        return command;
    }

    private sealed record WorkerOutput(string WorkerId, IReadOnlyList<WorkerRunOutput> Runs);

    private sealed record WorkerRunOutput(int RunId, string Status, string? Error);
}
