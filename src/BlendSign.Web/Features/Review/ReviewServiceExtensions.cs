using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlendSign.Web.Features.Review;

public static class ReviewServiceExtensions
{
    /// <summary>The review queue and a finished run's fold models with what they show of a slice (Grad-CAM, model boxes).</summary>
    public static IHostApplicationBuilder AddBlendSignReview(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ReviewQueueService>();
        builder.Services.TryAddSingleton<FoldModels>();
        builder.Services.TryAddSingleton<GradCamService>();
        builder.Services.TryAddSingleton<ModelBoxService>();
        return builder;
    }
}
