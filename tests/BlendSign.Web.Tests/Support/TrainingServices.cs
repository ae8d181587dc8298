using BlendSign.Data.Gold;
using BlendSign.Data.Storage;
using BlendSign.Data.Tests.Support;
using BlendSign.Data.Training;
using BlendSign.Model.Training;
using BlendSign.Tests.Shared;
using BlendSign.Web.Features.Training;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Tests.Support;

/// <summary>One worker process's training services, as the app wires them: the process, the queue, the executor and the runner.</summary>
internal sealed record TrainingStack(TrainingProcess Process, TrainingRunQueue Queue, TrainingRunExecutor Executor, TrainingRunner Runner)
{
    /// <summary>The worker loop over this stack (the server's <see cref="TrainingWorker"/> and the <c>worker</c> verb run it).</summary>
    public TrainingQueue WorkerLoop() => new(Queue, Executor, Process, NullLogger<TrainingQueue>.Instance);
}

/// <summary>A <see cref="TrainingStack"/> over a test database, built by hand (no host), as one worker process would hold it.</summary>
internal static class TrainingServices
{
    /// <param name="trainingOptions">The <c>BlendSign:Training</c> settings (default: the study's, <see cref="TrainingLimits"/>).</param>
    public static TrainingStack Create(
        TestDatabase database, TrainingProgressNotifier? notifier = null, TrainingWorkerOptions? workerOptions = null, WorkerIdentity? worker = null,
        TrainingOptions? trainingOptions = null)
    {
        var options = workerOptions ?? new TrainingWorkerOptions();
        var storage = RunStorage.From(database.Paths, options);
        var history = new RunHistoryStore(storage, NullLogger<RunHistoryStore>.Instance);
        var process = new TrainingProcess(database, storage, Options.Create(options), TimeProvider.System, NullLogger<TrainingProcess>.Instance)
        {
            MonitorInterval = TimeSpan.FromMilliseconds(200),
            Worker = worker ?? WorkerIdentity.ForThisProcess(),
        };
        var queue = new TrainingRunQueue(database, new GoldSnapshotService(database, TimeProvider.System),
            Options.Create(trainingOptions ?? new TrainingOptions()), process, history, NullLogger<TrainingRunQueue>.Instance);
        var executor = new TrainingRunExecutor(database, new SliceStore(database.Paths), TestCrossValidator.Create(), process,
            notifier ?? new TrainingProgressNotifier(NullLogger<TrainingProgressNotifier>.Instance), history, NullLogger<TrainingRunExecutor>.Instance);
        var runner = new TrainingRunner(database, queue, executor, process, history, NullLogger<TrainingRunner>.Instance);
        return new TrainingStack(process, queue, executor, runner);
    }
}
