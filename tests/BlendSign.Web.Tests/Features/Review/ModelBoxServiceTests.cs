using BlendSign.Data.Configuration;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Training;
using BlendSign.Tests.Shared;
using BlendSign.Web.Features.Review;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Review;

/// <summary>The model's boxes on one slice of a real run: found by the fold model that predicted it, in the slice's pixels.</summary>
public sealed class ModelBoxServiceTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    private static readonly TrainingSettings Tiny = new()
    {
        Folds = 2, Epochs = 1, ImageSize = 32, BatchSize = 4, Backbone = "tiny_cnn", Detection = true, Distillation = false, Seed = 5, Threads = 1,
    };

    private Task<FactoryRuns.TrainedRun> TrainAsync(TrainingSettings settings) => FactoryRuns.TrainAsync(factory, settings);

    [Fact]
    public async Task Detect_FoldModelWithAConstantMap_TheDecodedBoxInTheSlicesPixels()
    {
        var (runId, sop, fold) = await TrainAsync(Tiny);
        // Replace the fold's model by one whose detection map is the same everywhere: center logit 10, distances
        // left 0.1, right 0.2, top 0.05, bottom 0.15. On tiny_cnn's 4×4 grid at 32 px the plateau gives one box, at the
        // first cell (center 0.125, 0.125): 0.025–0.325 across, 0.075–0.275 down, score sigmoid(10).
        var paths = factory.Services.GetRequiredService<DataPaths>();
        ConstantDetector.Save(Tiny.ToNetworkOptions(), 10f, [0.1f, 0.2f, 0.05f, 0.15f],
            CrossValidator.FinalModelPath(RunFolder.Of(paths.Runs, runId).Checkpoints, fold));

        var found = await factory.Services.GetRequiredService<ModelBoxService>().DetectAsync(runId, sop, CancellationToken.None);

        Assert.Null(found.Problem);
        var box = Assert.Single(found.Boxes);
        const double side = TrainingData.Size;
        Assert.Equal(0.025 * side, box.Left, 4);
        Assert.Equal(0.325 * side, box.Right, 4);
        Assert.Equal(0.075 * side, box.Top, 4);
        Assert.Equal(0.275 * side, box.Bottom, 4);
        Assert.Equal(1 / (1 + Math.Exp(-10)), box.Score, 6);
    }

    [Fact]
    public async Task Detect_TrainedModelWithoutAThreshold_BoxesInsideTheSlice()
    {
        var (runId, sop, _) = await TrainAsync(Tiny with { Seed = 6 });

        var found = await factory.Services.GetRequiredService<ModelBoxService>().DetectAsync(runId, sop, CancellationToken.None, minimumScore: 0);

        Assert.Null(found.Problem);
        Assert.NotEmpty(found.Boxes);
        Assert.All(found.Boxes, b =>
        {
            Assert.InRange(b.Left, 0, b.Right);
            Assert.InRange(b.Right, b.Left, TrainingData.Size);
            Assert.InRange(b.Top, 0, b.Bottom);
            Assert.InRange(b.Bottom, b.Top, TrainingData.Size);
        });
    }

    [Fact]
    public async Task Detect_FoldModelFileDamaged_NoBoxesAndWhy()
    {
        var (runId, sop, fold) = await TrainAsync(Tiny with { Seed = 8 });
        var modelPath = CrossValidator.FinalModelPath(RunFolder.Of(factory.Services.GetRequiredService<DataPaths>().Runs, runId).Checkpoints, fold);
        await File.WriteAllBytesAsync(modelPath, [1, 2, 3, 4, 5]);

        var found = await factory.Services.GetRequiredService<ModelBoxService>().DetectAsync(runId, sop, CancellationToken.None);

        Assert.Empty(found.Boxes);
        Assert.Equal($"The model's boxes could not be computed: The fold model fold-{fold} could not be read.", found.Problem);
    }

    [Fact]
    public async Task Detect_RunWithoutTheBranch_UnknownSliceOrRun_NoBoxesAndWhy()
    {
        var (runId, sop, _) = await TrainAsync(Tiny with { Detection = false, Seed = 7 });
        var service = factory.Services.GetRequiredService<ModelBoxService>();

        var withoutBranch = await service.DetectAsync(runId, sop, CancellationToken.None);
        var unknownSlice = await service.DetectAsync(runId, "9.9.9", CancellationToken.None);
        var unknownRun = await service.DetectAsync(99_999, sop, CancellationToken.None);

        Assert.Equal(($"Run {runId} was trained without the detection branch.", 0), (withoutBranch.Problem, withoutBranch.Boxes.Count));
        Assert.Equal(($"Run {runId} has no out-of-fold prediction for that slice.", 0), (unknownSlice.Problem, unknownSlice.Boxes.Count));
        Assert.Equal(("No training run has the id 99999.", 0), (unknownRun.Problem, unknownRun.Boxes.Count));
    }
}
