using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

public sealed record TruthRow(string SopInstanceUid, HemorrhageClass TrueLabel);

// CSV sop_instance_uid,true_label (DESIGN.md): the phantom's real classes, which the raters' majority vote sometimes
// misses by design.
public static class TruthFile
{
    public const string Header = "sop_instance_uid,true_label";

    public static async Task WriteAsync(string path, IEnumerable<TruthRow> rows, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        writer.NewLine = "\n";
        await writer.WriteLineAsync(Header.AsMemory(), cancellationToken);
        foreach (var row in rows)
        {
            await writer.WriteLineAsync($"{row.SopInstanceUid},{row.TrueLabel.ToWireName()}".AsMemory(), cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<TruthRow>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var rows = new List<TruthRow>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (lineNumber == 1 && line.Trim() == Header || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parts = line.Split(',');
            if (parts.Length != 2 || !HemorrhageClassNames.TryParse(parts[1], out var label))
            {
                throw new FormatException($"{path}, line {lineNumber}: expected 'sop_instance_uid,true_label', found '{line}'.");
            }

            rows.Add(new TruthRow(parts[0].Trim(), label.Value));
        }

        return rows;
    }
}
