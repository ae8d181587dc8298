using System.Security.Claims;
using BlendSign.Data.Accounts;
using BlendSign.Data.Reading;

namespace BlendSign.Web.Layout.Account;

public static class ReaderClaims
{
    public static Reader ToReader(this ClaimsPrincipal principal) => new(
        principal.RequireUserId(),
        principal.Identity?.Name ?? principal.RequireUserId(),
        IsRadiologist: principal.IsInRole(Roles.Radiologist),
        SeesAllScans: principal.IsInRole(Roles.Lead) || principal.IsInRole(Roles.Reviewer) || principal.IsInRole(Roles.Admin),
        IsLead: principal.IsInRole(Roles.Lead));
}
