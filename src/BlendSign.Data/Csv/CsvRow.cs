namespace BlendSign.Data.Csv;

/// <summary>One data record of a <see cref="CsvTable"/>, its fields looked up by column name and trimmed.</summary>
public sealed class CsvRow(CsvRecord record, IReadOnlyDictionary<string, int> columns)
{
    public int LineNumber => record.LineNumber;

    public string this[string column] => record.Fields[columns[column]].Trim();
}
