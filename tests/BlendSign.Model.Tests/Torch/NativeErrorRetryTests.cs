using System.Runtime.InteropServices;
using BlendSign.Model.Torch;

namespace BlendSign.Model.Tests.Torch;

public class NativeErrorRetryTests
{
    [Fact]
    public void Run_NativeErrorThenSuccess_RetriedOnceAndTold()
    {
        var calls = 0;
        var told = new List<(string, int)>();

        var result = NativeErrorRetry.Run(
            () => ++calls == 1 ? throw new ExternalException("For integral input tensors, alpha ...\nframe #0: c10::Error") : calls,
            retries: 2,
            (e, retry) => told.Add((NativeErrorRetry.FirstLine(e.Message), retry)));

        Assert.Equal(2, result);
        Assert.Equal([("For integral input tensors, alpha ...", 1)], told);
    }

    [Fact]
    public void Run_NativeErrorEveryTime_RethrownAfterTheRetries()
    {
        var calls = 0;

        Assert.Throws<ExternalException>(() => NativeErrorRetry.Run<int>(() => { calls++; throw new ExternalException("deterministic"); }, retries: 2, (_, _) => { }));

        Assert.Equal(3, calls);
    }

    [Fact]
    public void Run_OtherErrorOrNoRetries_NotRetried()
    {
        var calls = 0;

        Assert.Throws<InvalidOperationException>(() => NativeErrorRetry.Run<int>(() => { calls++; throw new InvalidOperationException(); }, retries: 2, (_, _) => { }));
        Assert.Throws<ExternalException>(() => NativeErrorRetry.Run<int>(() => { calls++; throw new ExternalException("x"); }, retries: 0, (_, _) => { }));

        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData("one line", "one line")]
    [InlineData("first\r\nsecond", "first")]
    [InlineData("first\nframe #0: c10::Error::Error", "first")]
    public void FirstLine_DropsWhatFollowsTheFirstLineBreak(string message, string expected)
    {
        Assert.Equal(expected, NativeErrorRetry.FirstLine(message));
    }
}
