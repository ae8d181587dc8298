namespace BlendSign.Data.Import.Dimse;

/// <param name="CalledAe">The PACS's own AE title.</param>
public sealed record DimseQuery(string Host, int Port, string CalledAe, IReadOnlyList<string> Studies)
{
    public string Address(string study) => $"dimse://{Host}:{Port}/studies/{study}";
}
