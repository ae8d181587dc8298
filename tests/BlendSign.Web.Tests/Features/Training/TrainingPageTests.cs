using System.Text.Json;
using BlendSign.Data.Training;
using BlendSign.Model.Training;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Web.Tests.Features.Training;

public class TrainingPageTests : BlendSignComponentTest, IAsyncLifetime
{
    public TrainingPageTests()
    {
        var runs = TrainingServices.Create(Database);
        Services.AddSingleton(runs.Queue);
        Services.AddSingleton(new TrainingProgressNotifier(NullLogger<TrainingProgressNotifier>.Instance));
        Services.AddSingleton(new RunHistoryStore(new RunStorage(Database.Paths.Runs), NullLogger<RunHistoryStore>.Instance));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // The page's MudSelect brings MudBlazor services that only dispose asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public async Task TrainingPage_RunTrainedByAWorkerElsewhere_ShowsTheProgressItStores()
    {
        await SignInAsync("lead", "lead");
        int runId;
        await using (var db = Database.CreateDbContext())
        {
            var run = new TrainingRun
            {
                Status = TrainingRunStatus.Running,
                ConfigurationJson = JsonSerializer.Serialize(new TrainingSettings { Folds = 2, Epochs = 1, ImageSize = 64 }, TrainingJson.Options),
                WorkerId = "gpu-host:4242:0badf00d",
                HeartbeatAt = DateTimeOffset.UtcNow,
                ProgressMessage = "fold 1/2 · epoch 1/1",
                ProgressFraction = 0.1,
            };
            db.TrainingRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
        }

        var cut = Render<TrainingPage>();
        cut.WaitForAssertion(() => Assert.Equal("fold 1/2 · epoch 1/1", cut.Find("[data-testid=live-progress]").TextContent.Trim()));

        // The worker on the other host writes its progress on the row; no notifier in this process hears of it.
        await using (var db = Database.CreateDbContext())
        {
            await db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ProgressMessage, "fold 2/2 · epoch 1/1")
                .SetProperty(r => r.ProgressFraction, 0.7));
        }

        cut.WaitForAssertion(
            () => Assert.Equal("fold 2/2 · epoch 1/1", cut.Find("[data-testid=live-progress]").TextContent.Trim()),
            TimeSpan.FromSeconds(10));
    }
}
