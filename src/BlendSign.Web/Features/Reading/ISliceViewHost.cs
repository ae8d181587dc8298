namespace BlendSign.Web.Features.Reading;

/// <summary>
/// The rater's side of a <see cref="SliceView"/>: box gestures (original slice pixels), cine steps and the blend-sign
/// helper the reader attaches. Views that only show boxes have no host.
/// </summary>
public interface ISliceViewHost
{
    Task OnBoxDrawn(double left, double top, double right, double bottom);

    Task OnBoxChanged(int boxId, double left, double top, double right, double bottom, double centerX, double centerY);

    /// <summary>A box was clicked (null: the empty image was).</summary>
    Task OnBoxSelected(int? boxId);

    /// <summary>One cine step; the last slice wraps to the first.</summary>
    Task OnCineStep();

    Task OnBlendSignMeasured(string sopInstanceUid, double meanA, double meanB);
}
