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

/// <summary>A <see cref="TrainingRunService"/> over a test database, built by hand (no host), as one worker process would hold it.</summary>
internal static class TrainingServices
{
    /// <param name="trainingOptions">The <c>BlendSign:Training</c> settings (default: the study's, <see cref="TrainingLimits"/>).</param>
    public static TrainingRunService Create(
        TestDatabase database, TrainingProgressNotifier? notifier = null, TrainingWorkerOptions? workerOptions = null, WorkerIdentity? worker = null,
        TrainingOptions? trainingOptions = null)
    {
        var options = workerOptions ?? new TrainingWorkerOptions();
        var storage = RunStorage.From(database.Paths, options);
        return new TrainingRunService(database, new SliceStore(database.Paths), storage,
            TestCrossValidator.Create(), new GoldSnapshotService(database, TimeProvider.System),
            Options.Create(trainingOptions ?? new TrainingOptions()), Options.Create(options),
            notifier ?? new TrainingProgressNotifier(NullLogger<TrainingProgressNotifier>.Instance),
            new RunHistoryStore(storage, NullLogger<RunHistoryStore>.Instance),
            TimeProvider.System, NullLogger<TrainingRunService>.Instance)
        {
            MonitorInterval = TimeSpan.FromMilliseconds(200),
            Worker = worker ?? WorkerIdentity.ForThisProcess(),
        };
    }

    public static TrainingQueue QueueOf(TrainingRunService runs) => new(runs, NullLogger<TrainingQueue>.Instance);
}
