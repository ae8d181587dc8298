using BlendSign.Data.Import;

namespace BlendSign.Web.Features.Import;

/// <summary>The verdict words of <c>import --json</c>, for the page's filter and the CSV.</summary>
public static class ImportVerdicts
{
    public static string WireName(ImportItemStatus status) => status switch
    {
        ImportItemStatus.Imported => "imported",
        ImportItemStatus.Duplicate => "duplicate",
        _ => "rejected",
    };
}
