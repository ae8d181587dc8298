using BlendSign.Data.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlendSign.Web.Training;

public static class TrainingServiceExtensions
{
    /// <summary>
    /// The training run service and its progress notifier, for the server and the command line alike
    /// (called from <c>AddBlendSignCore</c>; needs <c>AddBlendSignData</c> and <c>AddBlendSignModel</c> first).
    /// </summary>
    public static IHostApplicationBuilder AddBlendSignTraining(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<SliceStore>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TrainingProgressNotifier>();
        builder.Services.TryAddSingleton<RunHistoryStore>();
        builder.Services.TryAddSingleton<RunResultsService>();
        builder.Services.TryAddSingleton<FoldModels>();
        builder.Services.TryAddSingleton<GradCamService>();
        builder.Services.TryAddSingleton<ModelBoxService>();
        builder.Services.TryAddSingleton<TrainingRunService>();
        return builder;
    }

    /// <summary>
    /// The queue's hosted worker: the server only (called from <c>ServerSetup</c>), so that a command-line verb
    /// never picks up queued runs, even if a later change starts the verbs' host.
    /// </summary>
    public static IHostApplicationBuilder AddBlendSignTrainingWorker(this IHostApplicationBuilder builder)
    {
        builder.AddBlendSignTraining();
        builder.Services.AddHostedService<TrainingWorker>();
        return builder;
    }
}
