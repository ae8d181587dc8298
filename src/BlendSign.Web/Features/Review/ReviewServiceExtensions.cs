using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlendSign.Web.Features.Review;

public static class ReviewServiceExtensions
{
    public static IHostApplicationBuilder AddBlendSignReview(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ReviewQueueService>();
        builder.Services.TryAddSingleton<FoldModels>();
        builder.Services.TryAddSingleton<GradCamService>();
        builder.Services.TryAddSingleton<ModelBoxService>();
        return builder;
    }
}
