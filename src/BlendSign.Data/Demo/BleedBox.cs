namespace BlendSign.Data.Demo;

// In pixels of the 512×512 slice; edges are pixel edges (Left ≤ x < Right, Top ≤ y < Bottom) and the center is the
// centroid of the bleed's pixels (pixel centers at +0.5).
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
