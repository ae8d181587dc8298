using Microsoft.AspNetCore.Identity;

namespace BlendSign.Data.Tests.Support;

/// <summary>Identity roles written straight into a <see cref="TestDatabase"/>.</summary>
internal static class RoleSeed
{
    public static void AddToRole(TestDatabase database, string userId, string role)
    {
        using var db = database.CreateDbContext();
        var existing = db.Roles.SingleOrDefault(r => r.Name == role);
        if (existing is null)
        {
            existing = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(existing);
        }

        db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = existing.Id });
        db.SaveChanges();
    }
}
