namespace BlendSign.Data.Accounts;

public static class Roles
{
    public const string Radiologist = "radiologist";
    public const string Lead = "lead";
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Radiologist, Lead, Reviewer, Admin];

    /// <summary>Roles that may see every rater's reads, the gold standard, agreement and model output.</summary>
    public const string Unblinded = Lead + "," + Reviewer + "," + Admin;
}
