using BlendSign.Model.Torch;

namespace BlendSign.Model.Tests.Torch;

/// <summary>The memory settings for libtorch (issue 14): the huge-pages variable in the native environment, glibc's thresholds.</summary>
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
    public void Configure_LeavesTheHugePagesVariableSet()
    {
        // The project runs on Linux (linux-x64 libtorch); elsewhere the method is a no-op.
        TorchMemory.Configure();

        Assert.NotNull(TorchMemory.GetNativeVariable(TorchMemory.HugePagesVariable));
    }

    [Fact]
    public void KeepFreedMemory_NothingTunedByTheOperator_SetsBothThresholds() =>
        Assert.True(TorchMemory.KeepFreedMemory(new Dictionary<string, string?>
        {
            ["PATH"] = "/usr/bin", ["GLIBC_TUNABLES"] = "glibc.rtld.nns=2", ["MALLOC_ARENA_MAX"] = "2",
        }));

    [Theory]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.mmap_threshold=1048576")]
    [InlineData("MALLOC_TRIM_THRESHOLD_", "0")]
    [InlineData("MALLOC_MMAP_THRESHOLD_", "131072")]
    public void KeepFreedMemory_OperatorTunedMalloc_LeavesItAlone(string name, string value) =>
        Assert.False(TorchMemory.KeepFreedMemory(new Dictionary<string, string?> { [name] = value }));
}
