using BlendSign.Data.Audit;

namespace BlendSign.Data.Tests.Support;

/// <summary>The audit trail as readable lines, oldest first: "Action Entity key subject: old -> new (actor/source)".</summary>
internal static class AuditSnapshot
{
    public static List<string> Lines(TestDatabase database, AuditEntity? entity = null)
    {
        using var db = database.CreateDbContext();
        return db.AuditEntries
            .Where(e => entity == null || e.Entity == entity)
            .OrderBy(e => e.Id)
            .AsEnumerable()
            .Select(e => $"{e.Action} {e.Entity} {e.EntityKey} {e.SubjectName}: {e.OldValue} -> {e.NewValue} ({e.ActorName}/{e.Source})")
            .ToList();
    }
}
