using BlendSign.Web.Accounts;
using BlendSign.Web.Demo;

namespace BlendSign.Web.Hosting;

/// <summary>
/// Runs before the server accepts requests (hosted services start before Kestrel): creates the data
/// directory, applies migrations, makes sure the roles exist.
/// </summary>
public sealed class StartupTasksService(IServiceProvider services, ILogger<StartupTasksService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.InitializeDatabaseAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountService>().EnsureRolesAsync();
        await services.SeedDemoIfRequestedAsync(cancellationToken);
        logger.LogInformation("Database ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
