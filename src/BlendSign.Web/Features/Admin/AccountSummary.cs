namespace BlendSign.Web.Features.Admin;

/// <param name="Roles">In the order of <see cref="BlendSign.Data.Accounts.Roles.All"/>.</param>
/// <param name="FailedSignIns">Failed sign-ins since the last success or unlock.</param>
public sealed record AccountSummary(string Id, string UserName, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil, int FailedSignIns)
{
    public bool IsLockedOut => LockedOutUntil is not null;
}
