using BlendSign.Tests.Shared;
using BlendSign.Web.Features.Reading.Load;

namespace BlendSign.Web.Tests.Features.Reading.Load;

public sealed class ServerMemoryTests
{
    [Fact]
    public void Read_ProcStatus_RssAndPeakInMebibytes()
    {
        using var proc = new TempDirectory();
        Directory.CreateDirectory(proc.Combine("42"));
        File.WriteAllText(proc.Combine("42", "status"), "Name:\tdotnet\nVmHWM:\t  524288 kB\nVmRSS:\t  262144 kB\nThreads:\t30\n");

        var (memory, error) = ServerMemory.Read(42, proc.Path);

        Assert.Null(error);
        Assert.Equal(new ServerMemory(42, 256, 512), memory);
    }

    [Fact]
    public void Read_NoSuchProcess_NullAndWhy()
    {
        using var proc = new TempDirectory();

        var (memory, error) = ServerMemory.Read(42, proc.Path);

        Assert.Null(memory);
        Assert.Contains("42/status", error);
    }
}
