namespace BlendSign.Web.Features.Admin;

/// <summary>Whether an account change was made, or why not (nothing was changed then).</summary>
public sealed record AccountResult(bool Succeeded, string? Error)
{
    public static AccountResult Success { get; } = new(true, null);

    public static AccountResult Failed(string error) => new(false, error);
}
