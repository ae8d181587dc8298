using BlendSign.Model.Torch;

namespace BlendSign.Model.Tests.Torch;

/// <summary>The setting libtorch reads from the native environment (issue 14: transparent huge pages for large tensors).</summary>
public class TorchMemoryTests
{
    [Fact]
    public void SetNativeVariableUnlessSet_Unset_SetsItWhereNativeCodeReadsIt()
    {
        var name = $"BLENDSIGN_TEST_{Guid.NewGuid():N}";

        TorchMemory.SetNativeVariableUnlessSet(name, "1");

        Assert.Equal("1", TorchMemory.GetNativeVariable(name));
    }

    [Fact]
    public void SetNativeVariableUnlessSet_AlreadySet_KeepsTheOperatorsValue()
    {
        var name = $"BLENDSIGN_TEST_{Guid.NewGuid():N}";
        TorchMemory.SetNativeVariableUnlessSet(name, "0");

        TorchMemory.SetNativeVariableUnlessSet(name, "1");

        Assert.Equal("0", TorchMemory.GetNativeVariable(name));
    }

    [Fact]
    public void PreferHugePages_LeavesTheVariableSet()
    {
        // The project runs on Linux (linux-x64 libtorch); elsewhere the method is a no-op.
        TorchMemory.PreferHugePages();

        Assert.NotNull(TorchMemory.GetNativeVariable(TorchMemory.HugePagesVariable));
    }
}
