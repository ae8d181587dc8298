using Microsoft.AspNetCore.Identity;

namespace BlendSign.Data.Accounts;

/// <summary>
/// User names appear in exports and the audit trail: letters, digits, '.', '_' and '-', starting with a letter or a digit
/// (so no name reads as a spreadsheet formula, such as <c>-2+3</c>).
/// </summary>
public sealed class UserNameRule : IUserValidator<ApplicationUser>
{
    public const string AllowedCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
    public const int MaxLength = 64;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.UserName ?? "";
        return Task.FromResult(name.Length is > 0 and <= MaxLength && char.IsAsciiLetterOrDigit(name[0])
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "UserNameStart",
                Description = $"A user name starts with a letter or a digit and has at most {MaxLength} characters (letters, digits, '.', '_', '-').",
            }));
    }
}
