namespace BlendSign.Model.Training;

// On a G×G grid, cell (i, j) centred at ((j + ½)/G, (i + ½)/G). Center map: CenterNet's rendering, a Gaussian per box
// with σ = a sixth of the box's mean side in cells (at least half a cell), the maximum over boxes, exactly 1 at the
// center cell. Distances, in center cells only (Mask = 1): to the box's left, right, top and bottom edges as fractions
// of the input's side (0–1 whatever the image size), never negative.
public sealed record DetectionTargets(int Grid, float[] Center, float[] Distances, float[] Mask)
{
    public const int DistanceChannels = 4;

    public static DetectionTargets Render(IReadOnlyList<UnitBox> boxes, int grid)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grid, 1);
        var cells = grid * grid;
        var center = new float[cells];
        var distances = new float[DistanceChannels * cells];
        var mask = new float[cells];
        foreach (var box in boxes)
        {
            var sigma = Math.Max(0.5, (box.Width + box.Height) / 2 * grid / 6);
            var (gx, gy) = (box.CenterX * grid - 0.5, box.CenterY * grid - 0.5);
            for (var i = 0; i < grid; i++)
            {
                for (var j = 0; j < grid; j++)
                {
                    var d2 = (j - gx) * (j - gx) + (i - gy) * (i - gy);
                    var value = (float)Math.Exp(-d2 / (2 * sigma * sigma));
                    center[i * grid + j] = Math.Max(center[i * grid + j], value);
                }
            }

            var col = Math.Clamp((int)Math.Floor(box.CenterX * grid), 0, grid - 1);
            var row = Math.Clamp((int)Math.Floor(box.CenterY * grid), 0, grid - 1);
            var cell = row * grid + col;
            var (cx, cy) = ((col + 0.5) / grid, (row + 0.5) / grid);
            center[cell] = 1f;
            mask[cell] = 1f;
            distances[cell] = (float)Math.Max(0, cx - box.Left);
            distances[cells + cell] = (float)Math.Max(0, box.Right - cx);
            distances[2 * cells + cell] = (float)Math.Max(0, cy - box.Top);
            distances[3 * cells + cell] = (float)Math.Max(0, box.Bottom - cy);
        }

        return new DetectionTargets(grid, center, distances, mask);
    }
}
