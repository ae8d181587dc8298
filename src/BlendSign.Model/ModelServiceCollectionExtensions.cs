using BlendSign.Model.CrossValidation;
using BlendSign.Model.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BlendSign.Model;

public static class ModelServiceCollectionExtensions
{
    /// <summary>Training options (validated at start) and the model's services.</summary>
    public static IHostApplicationBuilder AddBlendSignModel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrainingOptions>()
            .BindConfiguration(TrainingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.ClassWeights is null || o.ClassWeights.Length == 3, "BlendSign:Training:ClassWeights needs one weight per class (3).")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<CrossValidator>();
        return builder;
    }
}
