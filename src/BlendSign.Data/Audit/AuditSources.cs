namespace BlendSign.Data.Audit;

public static class AuditSources
{
    public const string Ui = "ui";
    public const string Csv = "csv";
    public const string Cli = "cli";
    public const string Demo = "demo";
    public const string Review = "review";

    /// <summary>The signed-in user's JSON API (<c>/api/reading</c>): the same writes as the viewer's, from a client that is not the page.</summary>
    public const string Api = "api";
}
