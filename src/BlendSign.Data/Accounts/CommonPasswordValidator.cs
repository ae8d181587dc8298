using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BlendSign.Data.Accounts;

/// <summary>Refuses common passwords (<see cref="CommonPasswords"/>); a password too short gets only the length message.</summary>
public sealed class CommonPasswordValidator(CommonPasswords common, IOptions<IdentityOptions> options) : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "CommonPassword";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (password is null || password.Length < options.Value.Password.RequiredLength || !common.IsCommon(password, user.UserName))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = ErrorCode,
            Description = "That password is on the list of commonly used passwords (or contains the user name); choose another.",
        }));
    }
}
