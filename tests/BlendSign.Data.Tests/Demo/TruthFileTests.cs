using BlendSign.Data.Demo;
using BlendSign.Data.Labels;
using BlendSign.Tests.Shared;

namespace BlendSign.Data.Tests.Demo;

public class TruthFileTests
{
    [Fact]
    public async Task WriteAsync_Rows_ReadBackInOrderWithHeader()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("sub", "truth.csv");
        TruthRow[] rows = [new("1.2.3", HemorrhageClass.NonIch), new("1.2.4", HemorrhageClass.BlendSign), new("1.2.5", HemorrhageClass.NormalIch)];

        await TruthFile.WriteAsync(path, rows);

        Assert.Equal(["sop_instance_uid,true_label", "1.2.3,non_ich", "1.2.4,blend_sign", "1.2.5,normal_ich"], await File.ReadAllLinesAsync(path));
        Assert.Equal(rows, await TruthFile.ReadAsync(path));
    }

    [Fact]
    public async Task ReadAsync_UnknownLabel_ThrowsWithLineNumber()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("truth.csv");
        await File.WriteAllLinesAsync(path, ["sop_instance_uid,true_label", "1.2.3,maybe"]);

        var error = await Assert.ThrowsAsync<FormatException>(() => TruthFile.ReadAsync(path));

        Assert.Contains("line 2", error.Message);
    }
}
