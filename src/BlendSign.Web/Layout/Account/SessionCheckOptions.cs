using System.ComponentModel.DataAnnotations;

namespace BlendSign.Web.Layout.Account;

/// <summary><c>BlendSign:Sessions</c>: how often a live circuit re-checks its session with the database.</summary>
public sealed class SessionCheckOptions
{
    public const string SectionName = "BlendSign:Sessions";

    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan CircuitCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
