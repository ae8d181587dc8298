using BlendSign.Data.Training;
using BlendSign.Web.Features.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Web.Tests.Features.Training;

public class TrainingProgressNotifierTests
{
    private static TrainingProgressUpdate Update(int runId) => new(runId, TrainingRunStatus.Running, null, "starting");

    [Fact]
    public void Publish_Subscribed_DeliversUntilDisposed()
    {
        var notifier = new TrainingProgressNotifier(NullLogger<TrainingProgressNotifier>.Instance);
        var received = new List<int>();
        var subscription = notifier.Subscribe(u => received.Add(u.RunId));

        notifier.Publish(Update(1));
        subscription.Dispose();
        notifier.Publish(Update(2));

        Assert.Equal([1], received);
    }

    [Fact]
    public void Publish_ThrowingListener_StillReachesTheOthers()
    {
        var notifier = new TrainingProgressNotifier(NullLogger<TrainingProgressNotifier>.Instance);
        var received = 0;
        using var broken = notifier.Subscribe(_ => throw new InvalidOperationException("listener bug"));
        using var working = notifier.Subscribe(_ => received++);

        notifier.Publish(Update(3));

        Assert.Equal(1, received);
    }
}
