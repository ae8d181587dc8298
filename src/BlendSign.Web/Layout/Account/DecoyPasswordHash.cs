using BlendSign.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace BlendSign.Web.Layout.Account;

/// <summary>A hash of a random password made once per process, to compare against when there is no account.</summary>
public sealed class DecoyPasswordHash
{
    public DecoyPasswordHash(IPasswordHasher<ApplicationUser> hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        Hash = hasher.HashPassword(User, Guid.NewGuid().ToString("N"));
    }

    public ApplicationUser User { get; } = new() { UserName = "decoy" };

    public string Hash { get; }
}
