using System.Security.Claims;

namespace BlendSign.Web.Accounts;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The Identity user id of a signed-in principal.</summary>
    public static string RequireUserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The principal is not signed in.");
}
