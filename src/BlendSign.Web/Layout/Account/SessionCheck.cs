using System.Security.Claims;
using BlendSign.Data.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Layout.Account;

/// <summary>
/// Whether a signed-in principal's session still holds: its account exists, is not locked out, and has the security
/// stamp the session was issued with. A role change, a password reset and a sign-out give the account a new stamp, so
/// every copy of its cookie and every live circuit ends at its next request or check. One indexed lookup per call.
/// </summary>
public sealed class SessionCheck(IDbContextFactory<BlendSignDbContext> dbFactory, IOptions<IdentityOptions> identity, TimeProvider time)
{
    public async Task<bool> HoldsAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .SingleOrDefaultAsync(cancellationToken);
        return account is not null && account.SecurityStamp == stamp && !(account.LockoutEnd > time.GetUtcNow());
    }
}
