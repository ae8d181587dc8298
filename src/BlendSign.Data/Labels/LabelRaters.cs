namespace BlendSign.Data.Labels;

/// <summary>Rater names in files match user names the way sign-in does: case-insensitively, as Identity normalizes them.</summary>
internal static class LabelRaters
{
    public static string Normalize(string userName) => userName.Normalize().ToUpperInvariant();
}
