using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Features.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Support;

/// <summary>The real server (real SQLite in a scratch data directory) with helpers to create accounts and sign in.</summary>
public sealed class BlendSignWebFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-password-1";

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    public BlendSignWebFactory()
        : this(new TestDatabase(), ownsDatabase: true)
    {
    }

    /// <summary>A second web node on <paramref name="sharedDatabase"/> (and its data directory), which stays its owner's.</summary>
    /// <remarks>A factory method: xUnit's class fixtures may have only one public constructor.</remarks>
    public static BlendSignWebFactory OnSharedDatabase(TestDatabase sharedDatabase) => new(sharedDatabase, ownsDatabase: false);

    private BlendSignWebFactory(TestDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>Configuration for this server, e.g. <c>BlendSign:Import:Upload:MaxUploadMegabytes</c> (read when it starts).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public string DataDirectory => _database.Paths.Root;

    /// <summary>The server's database, to check what requests did.</summary>
    public TestDatabase Database => _database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("BlendSign:Demo", "false");
        // Every client of the test server shares one address; the sign-in throttle's own tests set their limit and address.
        builder.UseSetting("BlendSign:SignIn:ClientFailures", "1000");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        // Short-lived servers: the few that build a model check the CPU's fast path then (CpuFastPathGuard).
        builder.UseSetting("BlendSign:Model:CpuFastPath:CheckAtStart", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Creates an account (once per name) with <see cref="Password"/>.</summary>
    public async Task CreateUserAsync(string userName, string role)
    {
        _ = Services; // starts the host: migrations run at start
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var userManager = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        if (await userManager.FindByNameAsync(userName) is null)
        {
            var result = await accounts.CreateAsync(userName, role, Password, AuditActor.System(AuditSources.Cli));
            Assert.True(result.Succeeded, result.Error);
        }
    }

    /// <summary>Puts the scan on <paramref name="raterName"/>'s worklist only (the rater is created when missing).</summary>
    public async Task AssignOnlyAsync(int scanId, string raterName)
    {
        await CreateUserAsync(raterName, Roles.Radiologist);
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>().FindByNameAsync(raterName);
        var result = await Services.GetRequiredService<BlendSign.Data.Assignments.AssignmentService>()
            .AssignOnlyAsync([scanId], [user!.Id], AuditActor.System(AuditSources.Cli));
        Assert.True(result.Succeeded, result.Error);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, signed in as <paramref name="userName"/> when given.</summary>
    public async Task<HttpClient> CreateClientAsync(string? userName = null, string? role = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (userName is not null)
        {
            await CreateUserAsync(userName, role ?? Roles.Radiologist);
            await SignInAsync(client, userName, Password);
        }

        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken.Extract(page);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/Account/Login", form);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            _database.Dispose();
        }
    }
}
