using System.ComponentModel.DataAnnotations;

namespace BlendSign.Web.Layout.Account;

/// <summary>
/// <c>BlendSign:SignIn</c>. One client gets <see cref="ClientFailures"/> wrong passwords per <see cref="ClientWindow"/>,
/// fewer than the <see cref="AccountFailures"/> that lock an account, so no single client can lock anyone out; an admin
/// clears a lockout with <c>users unlock NAME</c> or on the admin page.
/// </summary>
public sealed class SignInProtectionOptions
{
    public const string SectionName = "BlendSign:SignIn";

    [Range(1, 1000)]
    public int ClientFailures { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(15);

    [Range(2, 1000)]
    public int AccountFailures { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccountLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Clients remembered at most; the oldest are forgotten first.</summary>
    [Range(100, 1_000_000)]
    public int MaxClients { get; set; } = 10_000;
}
