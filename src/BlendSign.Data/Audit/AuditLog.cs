using System.Text.Json;
using BlendSign.Data.Persistence;

namespace BlendSign.Data.Audit;

// Entries are saved in the same transaction as the change they describe. Pass null for "did not exist" (create) or
// "no longer exists" (delete).
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AuditEntry Record(
        this BlendSignDbContext db,
        AuditActor actor,
        AuditAction action,
        AuditEntity entity,
        string entityKey,
        object? oldValue,
        object? newValue,
        int? scanId = null,
        int? sliceId = null,
        string? subjectName = null)
    {
        var entry = new AuditEntry
        {
            At = DateTimeOffset.UtcNow,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            Entity = entity,
            EntityKey = entityKey,
            ScanId = scanId,
            SliceId = sliceId,
            SubjectName = subjectName,
            OldValue = Serialize(oldValue),
            NewValue = Serialize(newValue),
            Source = actor.Source,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static string? Serialize(object? value) => value switch
    {
        null => null,
        string text => text,
        Enum e => e.ToString(),
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };
}
