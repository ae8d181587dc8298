using BlendSign.Model.CrossValidation;
using BlendSign.Model.Network;
using BlendSign.Model.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlendSign.Model;

public static class ModelServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddBlendSignModel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrainingOptions>()
            .BindConfiguration(TrainingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.ClassWeights is null || o.ClassWeights.Length == 3, "BlendSign:Training:ClassWeights needs one weight per class (3).")
            .ValidateOnStart();
        builder.Services.AddOptions<CpuFastPathOptions>()
            .BindConfiguration(CpuFastPathOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton<ICpuFastPathProbe>(services =>
        {
            var options = services.GetRequiredService<IOptions<CpuFastPathOptions>>().Value;
            return options.ProbeCommand.Length == 0
                ? new InProcessCpuFastPathProbe()
                : new ChildProcessCpuFastPathProbe(options.ProbeCommand, TimeSpan.FromSeconds(options.ProbeTimeoutSeconds));
        });
        builder.Services.TryAddSingleton<CpuFastPathGuard>();
        builder.Services.TryAddSingleton<CrossValidator>();
        return builder;
    }
}
