using BlendSign.Data.Configuration;
using BlendSign.Data.Gold;
using BlendSign.Data.Review;
using BlendSign.Data.Storage;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Training;
using BlendSign.Tests.Shared;
using BlendSign.Web.Features.Review;
using BlendSign.Web.Features.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Tests.Support;

/// <summary>The real services the review pages use (training run service included, for "retrain"), on a test database.</summary>
internal static class ReviewComponentServices
{
    public static IServiceCollection AddReviewPageServices(this IServiceCollection services, DataPaths paths)
    {
        services.AddSingleton(paths);
        services.AddSingleton<SliceStore>();
        services.AddSingleton(TestCrossValidator.Guard);
        services.AddSingleton<CrossValidator>();
        services.AddSingleton<GoldSnapshotService>();
        services.AddSingleton(Options.Create(new TrainingOptions()));
        services.AddSingleton(Options.Create(new TrainingWorkerOptions()));
        services.AddSingleton(RunStorage.From(paths, new TrainingWorkerOptions()));
        services.AddSingleton<TrainingProgressNotifier>();
        services.AddSingleton<RunHistoryStore>();
        services.AddSingleton<TrainingProcess>();
        services.AddSingleton<TrainingRunQueue>();
        services.AddSingleton<TrainingRunExecutor>();
        services.AddSingleton<TrainingRunner>();
        services.AddSingleton<ReviewDecisionService>();
        services.AddSingleton<ReviewDataService>();
        services.AddSingleton<ReviewQueueService>();
        services.AddSingleton<FoldModels>();
        services.AddSingleton<ModelBoxService>();
        services.AddSingleton<RaterFeedbackService>();
        return services;
    }
}
