using BlendSign.Data.Gold;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Support;

/// <summary>The real services the gold pages (tie queue, adjudication view) use, on a test database.</summary>
internal static class GoldComponentServices
{
    public static IServiceCollection AddGoldPageServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<GoldStandardService>();
        services.AddSingleton<GoldSnapshotService>();
        services.AddSingleton<AdjudicationService>();
        return services;
    }
}
