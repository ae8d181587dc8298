using BlendSign.Data.Labels;
using BlendSign.Model.Explain;

namespace BlendSign.Web.Features.Review;

public sealed record GradCamImage(byte[]? Png, string? Problem, int TargetClass = -1);

public sealed class GradCamService(FoldModels models, ILogger<GradCamService> logger)
{
    /// <param name="targetClass">The class to explain; null explains the predicted one.</param>
    public async Task<GradCamImage> RenderAsync(int runId, string sopInstanceUid, HemorrhageClass? targetClass, CancellationToken cancellationToken)
    {
        var (target, problem) = await models.LocateAsync(runId, sopInstanceUid, cancellationToken);
        if (target is null)
        {
            return new GradCamImage(null, problem);
        }

        try
        {
            return await models.UseOnSliceAsync(target, (model, slice, image) =>
            {
                var result = GradCam.Compute(model, image, target.Settings.ImageSize, targetClass is { } c ? (int)c : null);
                return new GradCamImage(GradCamOverlay.Png(slice, result.Heatmap, result.Size), null, result.TargetClass);
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            logger.LogWarning(exception, "Run {RunId} fold {Fold}: Grad-CAM could not be computed", runId, target.Fold);
            return new GradCamImage(null, $"Grad-CAM could not be computed: {exception.Message}");
        }
    }
}
