namespace BlendSign.Data.Demo;

/// <summary>
/// The true box and center of one bleed on one slice, in pixels of the 512×512 slice. Edges are pixel
/// edges: the bleed's pixels have <c>Left ≤ x &lt; Right</c> and <c>Top ≤ y &lt; Bottom</c>; the center
/// is the centroid of its pixels (pixel centers at +0.5).
/// </summary>
public sealed record BleedBox(
    int BleedId,
    BleedKind Kind,
    bool ShowsBlendSign,
    double Left,
    double Top,
    double Right,
    double Bottom,
    double CenterX,
    double CenterY,
    int PixelCount);
