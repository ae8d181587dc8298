using BlendSign.Data.Accounts;
using BlendSign.Data.Assignments;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using Microsoft.AspNetCore.Identity;

namespace BlendSign.Data.Tests.Gold;

/// <summary>Roles, assignments and boxes for gold-standard tests, written straight into a <see cref="TestDatabase"/>.</summary>
internal static class GoldSeed
{
    public static void MakeRadiologists(TestDatabase database, params string[] userIds)
    {
        using var db = database.CreateDbContext();
        var role = db.Roles.SingleOrDefault(r => r.Name == Roles.Radiologist);
        if (role is null)
        {
            role = new IdentityRole(Roles.Radiologist) { NormalizedName = Roles.Radiologist.ToUpperInvariant() };
            db.Roles.Add(role);
        }

        db.UserRoles.AddRange(userIds.Select(u => new IdentityUserRole<string> { UserId = u, RoleId = role.Id }));
        db.SaveChanges();
    }

    public static void Assign(TestDatabase database, int scanId, params string[] raterIds)
    {
        using var db = database.CreateDbContext();
        db.ScanAssignments.AddRange(raterIds.Select(r => new ScanAssignment { ScanId = scanId, RaterId = r, AssignedAt = DateTimeOffset.UtcNow }));
        db.SaveChanges();
    }

    public static void AddBox(TestDatabase database, string raterId, string sopInstanceUid, double left, double top, double right, double bottom)
    {
        using var db = database.CreateDbContext();
        var sliceId = db.Slices.Single(s => s.SopInstanceUid == sopInstanceUid).Id;
        db.HemorrhageBoxes.Add(new HemorrhageBox
        {
            SliceId = sliceId,
            RaterId = raterId,
            Left = left,
            Top = top,
            Right = right,
            Bottom = bottom,
            CenterX = (left + right) / 2,
            CenterY = (top + bottom) / 2,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        db.SaveChanges();
    }

    /// <summary>Labels one slice: one class per rater id, in order.</summary>
    public static void Label(TestDatabase database, string sop, IReadOnlyList<string> raterIds, params HemorrhageClass[] labels)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            RatingSeed.AddLabel(database, raterIds[i], sop, labels[i]);
        }
    }

    public static int SliceId(TestDatabase database, string sop)
    {
        using var db = database.CreateDbContext();
        return db.Slices.Single(s => s.SopInstanceUid == sop).Id;
    }
}
