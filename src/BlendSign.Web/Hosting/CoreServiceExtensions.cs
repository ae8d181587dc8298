using BlendSign.Data.Accounts;
using BlendSign.Data.Configuration;
using BlendSign.Data.Persistence;
using BlendSign.Model;
using BlendSign.Web.Features.Admin;
using BlendSign.Web.Features.Demo;
using BlendSign.Web.Features.Review;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Layout.Account;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Hosting;

/// <summary>What the server and the command-line verbs share: data, model, identity and application services.</summary>
public static class CoreServiceExtensions
{
    public static IHostApplicationBuilder AddBlendSignCore(this IHostApplicationBuilder builder)
    {
        builder.AddBlendSignData();
        builder.Services.AddChildProcessCommands();
        builder.AddBlendSignModel();
        builder.AddBlendSignTraining();
        builder.AddBlendSignReview();
        builder.AddBlendSignAdmin();

        // Keys in the database: sign-ins survive a restart, hold on every web node, and the verbs share them.
        builder.Services.AddDataProtection().PersistKeysToDbContext<BlendSignDbContext>().SetApplicationName("BlendSign");

        var signIn = builder.Configuration.GetSection(SignInProtectionOptions.SectionName).Get<SignInProtectionOptions>() ?? new SignInProtectionOptions();
        builder.Services.AddOptions<SignInProtectionOptions>().BindConfiguration(SignInProtectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CommonPasswords>();
        builder.Services.AddSingleton<AccountSessions>();
        builder.Services.AddSingleton<SessionCheck>();
        builder.Services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = UserNameRule.AllowedCharacters;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = signIn.AccountFailures;
                options.Lockout.DefaultLockoutTimeSpan = signIn.AccountLockout;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddUserValidator<UserNameRule>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BlendSignDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Identity's stores take a scoped DbContext; everything else uses the factory.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContext());
        builder.AddBlendSignDemo();
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        services.GetRequiredService<DataPaths>().EnsureCreated();
        var factory = services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await DatabaseInitializer.MigrateAsync(db, cancellationToken);
        await DataProtectionKeyImport.ImportFromFolderAsync(db, services.GetRequiredService<DataPaths>().DataProtectionKeys, cancellationToken);
    }
}
