using BlendSign.Data.Agreement;
using BlendSign.Data.Assignments;
using BlendSign.Data.Audit;
using BlendSign.Data.Dicom;
using BlendSign.Data.Dicom.Isolation;
using BlendSign.Data.Export;
using BlendSign.Data.Export.Sr;
using BlendSign.Data.Gold;
using BlendSign.Data.Import;
using BlendSign.Data.Import.DicomWeb;
using BlendSign.Data.Import.Dimse;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Reading;
using BlendSign.Data.Rendering;
using BlendSign.Data.Review;
using BlendSign.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlendSign.Data.Configuration;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "BlendSign";

    public static IHostApplicationBuilder AddBlendSignData(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddImportData();
        builder.Services.AddReadingData();
        builder.Services.AddAgreementData();
        builder.Services.AddGoldData();
        builder.Services.AddReviewData();
        builder.Services.AddAdminData();
        return builder;
    }

    private static void AddDatabase(this IHostApplicationBuilder builder)
    {
        var configuredConnection = builder.Configuration.GetConnectionString(ConnectionStringName);
        builder.Services.AddOptions<BlendSignOptions>()
            .BindConfiguration(BlendSignOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.DatabaseProvider != DatabaseProviders.Postgres || !string.IsNullOrWhiteSpace(configuredConnection),
                DatabaseConnection.PostgresNeedsConnectionString)
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => DataPaths.From(sp.GetRequiredService<IOptions<BlendSignOptions>>().Value));
        builder.Services.AddSingleton<IDbContextFactory<BlendSignDbContext>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BlendSignOptions>>().Value;
            var connection = DatabaseConnection.Resolve(options, configuredConnection, sp.GetRequiredService<DataPaths>());
            var efOptions = DatabaseProviders.Configure(new(), options.DatabaseProvider, connection)
                .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
                .Options;
            return new BlendSignDbContextFactory(options.DatabaseProvider, efOptions);
        });
    }

    private static void AddImportData(this IServiceCollection services)
    {
        services.AddSingleton<DicomSliceReader>();
        services.AddOptions<DecoderIsolationOptions>()
            .BindConfiguration(DecoderIsolationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IsolatedDicomDecoder>();
        services.AddSingleton<IDicomDecoder>(sp => sp.GetRequiredService<IsolatedDicomDecoder>());
        services.AddSingleton<SliceStore>();
        services.AddSingleton<DicomImporter>();
        services.AddOptions<DicomWebOptions>()
            .BindConfiguration(DicomWebOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Each request gets its own time limit (DicomWebOptions); the client's own would cut long retrievals short.
        // No request logging: DICOMweb addresses carry study and instance UIDs.
        services.AddHttpClient(DicomWebClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton<DicomWebImporter>();
        services.AddOptions<DimseOptions>()
            .BindConfiguration(DimseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DimseImporter>();
    }

    private static void AddReadingData(this IServiceCollection services)
    {
        services.AddSingleton<ReadingService>();
        services.AddBlendSignRendering();
        services.AddSingleton<LabelCsvImporter>();
        services.AddSingleton<LabelCsvExporter>();
        services.AddSingleton<BoxCsvImporter>();
        services.AddSingleton<BoxCsvExporter>();
        services.AddSingleton<SliceExporter>();
        services.AddSingleton<AssignmentService>();
    }

    private static void AddAgreementData(this IServiceCollection services)
    {
        services.AddSingleton<AgreementService>();
        services.AddSingleton<AggregationComparisonService>();
    }

    private static void AddGoldData(this IServiceCollection services)
    {
        services.AddSingleton<GoldStandardService>();
        services.AddSingleton<GoldSnapshotService>();
        services.AddSingleton<AdjudicationService>();
        services.AddSingleton<GoldExporter>();
        services.AddSingleton<GoldSrExporter>();
    }

    private static void AddReviewData(this IServiceCollection services)
    {
        services.AddSingleton<ReviewDecisionService>();
        services.AddSingleton<ReviewDataService>();
        services.AddSingleton<RaterFeedbackService>();
    }

    private static void AddAdminData(this IServiceCollection services) => services.AddSingleton<AuditTrail>();
}
