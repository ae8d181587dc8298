using BlendSign.Data.Agreement;
using BlendSign.Data.Dicom;
using BlendSign.Data.Dicom.Isolation;
using BlendSign.Data.Export;
using BlendSign.Data.Gold;
using BlendSign.Data.Import;
using BlendSign.Data.Import.DicomWeb;
using BlendSign.Data.Import.Dimse;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Rendering;
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

    /// <summary>Options, the database (SQLite by default, WAL + busy timeout, or PostgreSQL), DICOM reading, the slice store, import (files, DICOMweb, DIMSE) and export, rendering, agreement, gold standard, label and box CSV, assignment and audit trail services.</summary>
    public static IHostApplicationBuilder AddBlendSignData(this IHostApplicationBuilder builder)
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

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DicomSliceReader>();
        builder.Services.AddOptions<DecoderIsolationOptions>()
            .BindConfiguration(DecoderIsolationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IsolatedDicomDecoder>();
        builder.Services.AddSingleton<IDicomDecoder>(sp => sp.GetRequiredService<IsolatedDicomDecoder>());
        builder.Services.AddSingleton<Reading.ReadingService>();
        builder.Services.AddSingleton<AgreementService>();
        builder.Services.AddSingleton<GoldStandardService>();
        builder.Services.AddSingleton<GoldSnapshotService>();
        builder.Services.AddSingleton<AdjudicationService>();
        builder.Services.AddSingleton<Review.ReviewDecisionService>();
        builder.Services.AddSingleton<Review.ReviewDataService>();
        builder.Services.AddSingleton<Review.RaterFeedbackService>();
        builder.Services.AddSingleton<AggregationComparisonService>();
        builder.Services.AddSingleton<GoldExporter>();
        builder.Services.AddSingleton<Export.Sr.GoldSrExporter>();
        builder.Services.AddSingleton<LabelCsvImporter>();
        builder.Services.AddSingleton<LabelCsvExporter>();
        builder.Services.AddSingleton<BoxCsvImporter>();
        builder.Services.AddSingleton<BoxCsvExporter>();
        builder.Services.AddSingleton<Assignments.AssignmentService>();
        builder.Services.AddSingleton<Audit.AuditTrail>();
        builder.Services.AddBlendSignRendering();
        builder.Services.AddSingleton<SliceStore>();
        builder.Services.AddSingleton<DicomImporter>();
        builder.Services.AddOptions<DicomWebOptions>()
            .BindConfiguration(DicomWebOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Each request gets its own time limit (DicomWebOptions); the client's own would cut long retrievals short.
        // No request logging: DICOMweb addresses carry study and instance UIDs.
        builder.Services.AddHttpClient(DicomWebClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        builder.Services.AddSingleton<DicomWebImporter>();
        builder.Services.AddOptions<DimseOptions>()
            .BindConfiguration(DimseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DimseImporter>();
        builder.Services.AddSingleton<SliceExporter>();
        return builder;
    }
}
