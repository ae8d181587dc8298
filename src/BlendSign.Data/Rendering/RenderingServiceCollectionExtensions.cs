using BlendSign.Data.Configuration;
using BlendSign.Data.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BlendSign.Data.Rendering;

public static class RenderingServiceCollectionExtensions
{
    public static IServiceCollection AddBlendSignRendering(this IServiceCollection services)
    {
        // Import needs the store too; TryAdd keeps whichever registration comes first.
        services.TryAddSingleton<SliceStore>();
        services.TryAddSingleton<Dicom.DicomSliceReader>();
        services.AddSingleton<WindowLutCache>();
        services.AddSingleton<SliceRenderer>();
        services.AddSingleton(sp => new RenderedImageCache(
            sp.GetRequiredService<IOptions<BlendSignOptions>>().Value.RenderCacheMegabytes * (1L << 20)));
        services.AddSingleton<SliceImageService>();
        services.AddSingleton<SliceHuService>();
        services.AddSingleton<RenderBenchmark>();
        return services;
    }
}
