using BlendSign.Web.Features.Admin.Backup;

namespace BlendSign.Web.Features.Admin;

public static class AdminServiceExtensions
{
    /// <summary>Accounts (per request: Identity's stores are scoped), backup and restore.</summary>
    public static IHostApplicationBuilder AddBlendSignAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountService>();
        builder.AddBlendSignBackup();
        return builder;
    }
}
