using BlendSign.Model.Network;

namespace BlendSign.Web.Features.Review;

/// <summary>A box the model found on a slice, in the original slice's pixels, with its center score (0–1).</summary>
public sealed record ModelBox(double Left, double Top, double Right, double Bottom, double Score)
{
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Top + Bottom) / 2;
}

/// <summary>What <see cref="ModelBoxService.DetectAsync"/> gives: the boxes (none found is an empty list), or why there are none.</summary>
public sealed record ModelBoxes(IReadOnlyList<ModelBox> Boxes, string? Problem);

public sealed class ModelBoxService(FoldModels models, ILogger<ModelBoxService> logger)
{
    public async Task<ModelBoxes> DetectAsync(int runId, string sopInstanceUid, CancellationToken cancellationToken,
        double minimumScore = DetectionDecoder.DefaultMinimumScore)
    {
        var (target, problem) = await models.LocateAsync(runId, sopInstanceUid, cancellationToken);
        if (target is null)
        {
            return new ModelBoxes([], problem);
        }

        if (!target.Settings.Detection)
        {
            return new ModelBoxes([], $"Run {runId} was trained without the detection branch.");
        }

        try
        {
            return await models.UseOnSliceAsync(target, (model, slice, image) =>
                Boxes(DetectionDecoder.Detect(model, image, target.Settings.ImageSize, minimumScore) ?? [], slice.Columns, slice.Rows), cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            logger.LogWarning(exception, "Run {RunId} fold {Fold}: the model's boxes could not be computed", runId, target.Fold);
            return new ModelBoxes([], $"The model's boxes could not be computed: {exception.Message}");
        }
    }

    private static ModelBoxes Boxes(IReadOnlyList<DetectedBox> found, int columns, int rows) =>
        new(
            [.. found.Select(d => new ModelBox(d.Box.Left * columns, d.Box.Top * rows, d.Box.Right * columns, d.Box.Bottom * rows, d.Score))],
            null);
}
