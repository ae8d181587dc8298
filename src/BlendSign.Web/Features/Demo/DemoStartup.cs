using BlendSign.Data.Configuration;
using BlendSign.Data.Demo;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Demo;

public static class DemoStartup
{
    public static IHostApplicationBuilder AddBlendSignDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoGenerator>();
        builder.Services.AddScoped<DemoAccountSeeder>();
        builder.Services.AddScoped<DemoReads>();
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }

    /// <summary>A generated password is shown once, in the log and on the console, and stored nowhere.</summary>
    public static async Task SeedDemoIfRequestedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<BlendSignOptions>>().Value;
        if (!options.Demo)
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoStartup).FullName!);
        await using (var db = await services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await db.Scans.AnyAsync(cancellationToken))
            {
                logger.LogInformation("Demo requested, but the database already holds scans: not seeding");
                return;
            }
        }

        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
            .SeedAsync(new DemoSeedRequest(options.DemoScans), cancellationToken);
        if (result.GeneratedPassword is { } password)
        {
            var names = string.Join(", ", result.Accounts.Where(a => a.Created).Select(a => a.UserName));
            logger.LogWarning("Demo accounts ({Accounts}) were created with the generated password {Password}; "
                + "it is shown only now and stored nowhere (set BlendSign:DemoPassword to choose one)", names, password);
            Console.Out.WriteLine($"Demo accounts {names}: password {password} (shown once; not stored).");
        }
    }
}
