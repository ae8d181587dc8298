using BlendSign.Web.Features.Gold;
using BlendSign.Web.Features.Import;
using BlendSign.Web.Features.Reading;
using BlendSign.Web.Features.Review;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Layout;
using BlendSign.Web.Layout.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace BlendSign.Web.Hosting;

public static class ServerSetup
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Packages' static assets (MudBlazor) are served from the build output in every environment.
        StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // First of the hosted services: the database (and its folder) must exist before Data Protection's hosted
        // service reads the key ring from it, or a first start logs SQLite errors.
        builder.Services.AddHostedService<StartupTasksService>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.AddBlendSignCore();
        builder.AddBlendSignHttps();
        builder.AddBlendSignWeb();
        builder.AddBlendSignTrainingWorker();

        var app = builder.Build();
        app.UseBlendSignPipeline();
        return app;
    }

    private static IHostApplicationBuilder AddBlendSignWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<IdentityRedirectManager>();
        builder.Services.AddOptions<ImportUploadOptions>()
            .BindConfiguration(ImportUploadOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        builder.Services.AddOptions<SessionCheckOptions>().BindConfiguration(SessionCheckOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<DecoyPasswordHash>();
        builder.Services.AddScoped<PasswordSignIn>();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddExportPolicy();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// Routes under /api answer scripts with a status code; pages, and an /api link a person opened in the browser (a
    /// CSV download), redirect to the login or access-denied page instead of the browser's bare error page.
    /// </summary>
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var navigation = string.Equals(context.Request.Headers["Sec-Fetch-Mode"], "navigate", StringComparison.OrdinalIgnoreCase);
        if (context.Request.Path.StartsWithSegments("/api") && !navigation)
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static void UseBlendSignPipeline(this WebApplication app)
    {
        app.UseBlendSignHttps();
        app.UseSecurityHeaders();
        app.UseErrorAnswers();

        // Pages get the not-found page; /api answers keep their status (a re-executed POST would fail antiforgery as a 400).
        app.UseWhen(
            context => !ErrorAnswers.IsApi(context),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));

        app.UseCircuitOriginCheck();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapExportEndpoints();
        app.MapImportEndpoints();
        app.MapSliceImageEndpoints();
        app.MapReadingEndpoints();
        app.MapGradCamEndpoints();
        app.MapRunFileEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
