using Microsoft.AspNetCore.Identity;

namespace BlendSign.Data.Accounts;

/// <summary>A signed-in person; radiologists are the raters.</summary>
public class ApplicationUser : IdentityUser
{
}
