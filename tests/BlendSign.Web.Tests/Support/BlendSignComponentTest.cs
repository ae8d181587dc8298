using System.Security.Claims;
using BlendSign.Data.Accounts;
using BlendSign.Data.Persistence;
using BlendSign.Data.Reading;
using BlendSign.Data.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BlendSign.Web.Tests.Support;

/// <summary>
/// bUnit base: MudBlazor services with loose JS interop, a real database (SQLite or PostgreSQL) behind the data services,
/// and a signed-in user.
/// </summary>
public abstract class BlendSignComponentTest : BunitContext
{
    protected BlendSignComponentTest()
    {
        Database = new TestDatabase();
        // Pages load from a real database (PostgreSQL in the second pass, on a busy 2-core CI machine): the 1 s default
        // was seen to run out. A wait still returns as soon as its condition holds.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddSingleton<IDbContextFactory<BlendSignDbContext>>(Database);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ReadingService>();
    }

    protected TestDatabase Database { get; }

    /// <summary>Creates a user row and signs the component tree in as that user.</summary>
    protected async Task<string> SignInAsync(string userName, params string[] roles)
    {
        await using var db = Database.CreateDbContext();
        var user = new ApplicationUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant() };
        db.Users.Add(user);
        await db.SaveChangesAsync();

        var authorization = AddAuthorization();
        authorization.SetAuthorized(userName);
        authorization.SetRoles(roles);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        return user.Id;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}
