using BlendSign.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace BlendSign.Web.Layout.Account;

/// <summary>
/// Signs in by user name and password in equal time whether or not the account exists or is locked out: a password is
/// always hashed, so the answer's timing does not tell which user names are real.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, IPasswordHasher<ApplicationUser> hasher, DecoyPasswordHash decoy)
{
    public async Task<SignInResult> SignInAsync(string userName, string password, bool isPersistent)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(decoy.User, decoy.Hash, password);
            return user is null ? SignInResult.Failed : SignInResult.LockedOut;
        }

        return await signIn.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
    }
}
