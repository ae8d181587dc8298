using Microsoft.AspNetCore.Identity;

namespace BlendSign.Web.Features.Admin;

/// <summary>Identity's password rules in words, from the configured options (so the hint never drifts from the check).</summary>
public static class PasswordRuleText
{
    public static string Describe(PasswordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parts = new List<string>();
        if (options.RequireUppercase)
        {
            parts.Add("an upper-case letter");
        }

        if (options.RequireLowercase)
        {
            parts.Add("a lower-case letter");
        }

        if (options.RequireDigit)
        {
            parts.Add("a digit");
        }

        if (options.RequireNonAlphanumeric)
        {
            parts.Add("a symbol");
        }

        var with = parts.Count == 0 ? "" : parts.Count == 1 ? $" with {parts[0]}" : $" with {string.Join(", ", parts[..^1])} and {parts[^1]}";
        return $"At least {options.RequiredLength} characters{with}; not a commonly used password, nor one that contains the user name.";
    }
}
