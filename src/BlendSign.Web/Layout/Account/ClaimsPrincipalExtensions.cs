using System.Security.Claims;
using BlendSign.Data.Audit;

namespace BlendSign.Web.Layout.Account;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The Identity user id of a signed-in principal.</summary>
    public static string RequireUserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The principal is not signed in.");

    /// <summary>The signed-in user as the audit trail names them.</summary>
    public static AuditActor ToAuditActor(this ClaimsPrincipal principal, string source = AuditSources.Ui) =>
        new(principal.RequireUserId(), principal.Identity?.Name ?? principal.RequireUserId(), source);
}
