using BlendSign.Data.Configuration;
using BlendSign.Data.Storage;
using BlendSign.Model.Network;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Training;

public static class TrainingServiceExtensions
{
    /// <summary>For the server and the command line alike; needs <c>AddBlendSignData</c> and <c>AddBlendSignModel</c> first.</summary>
    public static IHostApplicationBuilder AddBlendSignTraining(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrainingWorkerOptions>()
            .BindConfiguration(TrainingWorkerOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.StaleAfterSeconds > o.HeartbeatSeconds,
                "BlendSign:Training:StaleAfterSeconds must be longer than HeartbeatSeconds (a few heartbeats, so one late write is no death).")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(sp => RunStorage.From(sp.GetRequiredService<DataPaths>(), sp.GetRequiredService<IOptions<TrainingWorkerOptions>>().Value));
        builder.Services.TryAddSingleton<SliceStore>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TrainingProgressNotifier>();
        builder.Services.TryAddSingleton<RunHistoryStore>();
        builder.Services.TryAddSingleton<RunResultsService>();
        builder.Services.TryAddSingleton<TrainingProcess>();
        builder.Services.TryAddSingleton<TrainingRunQueue>();
        builder.Services.TryAddSingleton<TrainingRunExecutor>();
        builder.Services.TryAddSingleton<TrainingRunner>();
        builder.Services.TryAddSingleton<TrainingQueue>();
        return builder;
    }

    /// <summary>
    /// The server only (called from <c>ServerSetup</c>), so that a command-line verb never picks up queued runs; the worker
    /// only while <c>BlendSign:Training:InProcessWorker</c> is true.
    /// </summary>
    public static IHostApplicationBuilder AddBlendSignTrainingWorker(this IHostApplicationBuilder builder)
    {
        builder.AddBlendSignTraining();
        if (builder.Configuration.GetSection(CpuFastPathOptions.SectionName).Get<CpuFastPathOptions>()?.CheckAtStart ?? true)
        {
            builder.Services.AddHostedService<CpuFastPathWarmUp>();
        }

        var options = builder.Configuration.GetSection(TrainingWorkerOptions.SectionName).Get<TrainingWorkerOptions>() ?? new();
        if (options.InProcessWorker)
        {
            builder.Services.AddHostedService<TrainingWorker>();
        }

        return builder;
    }
}
