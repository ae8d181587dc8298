using BlendSign.Web.Features.Admin;
using BlendSign.Web.Features.Demo;

namespace BlendSign.Web.Hosting;

/// <summary>Runs before the server accepts requests: hosted services start before Kestrel.</summary>
public sealed class StartupTasksService(IServiceProvider services, ILogger<StartupTasksService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.InitializeDatabaseAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        await accounts.EnsureRolesAsync();
        await services.SeedDemoIfRequestedAsync(cancellationToken);
        if (!await accounts.AnyAdminAsync())
        {
            // Outside the demo no account or password exists until someone creates one on the command line.
            logger.LogWarning("No admin account yet: create the first one with `users add NAME --role admin` (the password is read from standard input)");
        }
        logger.LogInformation("Database ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
