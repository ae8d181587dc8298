using BlendSign.Data.Dicom;
using BlendSign.Data.Persistence;
using BlendSign.Data.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlendSign.Data.Configuration;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "BlendSign";

    /// <summary>Options, the database (SQLite by default, WAL + busy timeout) and the DICOM services.</summary>
    public static IHostApplicationBuilder AddBlendSignData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BlendSignOptions>()
            .BindConfiguration(BlendSignOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => DataPaths.From(sp.GetRequiredService<IOptions<BlendSignOptions>>().Value));

        var configuredConnection = builder.Configuration.GetConnectionString(ConnectionStringName);
        builder.Services.AddDbContextFactory<BlendSignDbContext>((sp, options) =>
        {
            var connection = string.IsNullOrWhiteSpace(configuredConnection)
                ? sp.GetRequiredService<DataPaths>().DefaultConnectionString
                : configuredConnection;
            options.UseSqlite(connection).AddInterceptors(new SqliteBusyTimeoutInterceptor());
        });

        builder.Services.AddSingleton<DicomSliceReader>();
        builder.Services.AddBlendSignRendering();
        return builder;
    }
}
