using System.Security.Claims;
using BlendSign.Data.Audit;

namespace BlendSign.Web.Layout.Account;

public static class ClaimsPrincipalExtensions
{
    public static string RequireUserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The principal is not signed in.");

    public static AuditActor ToAuditActor(this ClaimsPrincipal principal, string source = AuditSources.Ui) =>
        new(principal.RequireUserId(), principal.Identity?.Name ?? principal.RequireUserId(), source);
}
