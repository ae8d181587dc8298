namespace BlendSign.Data.Audit;

/// <summary>Who makes a change and through which door; <see cref="System"/> for start-up and demo work.</summary>
public sealed record AuditActor(string? UserId, string Name, string Source)
{
    public static AuditActor System(string source) => new(null, "system", source);
}
