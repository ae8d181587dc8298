namespace BlendSign.Web.Features.Admin.Backup;

public static class BackupServiceExtensions
{
    /// <summary>Backup and restore of a project (called from <c>AddBlendSignCore</c>; needs the data and training services).</summary>
    public static IHostApplicationBuilder AddBlendSignBackup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName);
        builder.Services.AddSingleton<DatabaseDumps>();
        builder.Services.AddSingleton<ProjectBackupService>();
        builder.Services.AddSingleton<ProjectRestoreService>();
        return builder;
    }
}
