using BlendSign.Model.Training;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

/// <summary>A box the detection branch found: in unit coordinates of the input, with its center cell's score (0–1).</summary>
public sealed record DetectedBox(UnitBox Box, double Score);

// The inverse of DetectionTargets: a cell is a box center when its score reaches the threshold and is the highest of its
// 3×3 neighbourhood; negative distances count as 0. Boxes come highest score first.
public static class DetectionDecoder
{
    /// <summary>The center score a cell needs by default: the targets give 1 at a center and at most e^(−1/2) ≈ 0.61 one σ off.</summary>
    public const double DefaultMinimumScore = 0.5;

    /// <param name="map">One image's map, channel-major: 5×G×G (center logit, left, right, top, bottom).</param>
    public static IReadOnlyList<DetectedBox> Decode(ReadOnlySpan<float> map, int grid, double minimumScore = DefaultMinimumScore, int maximumBoxes = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grid, 1);
        var cells = grid * grid;
        if (map.Length != DetectionHead.OutputChannels * cells)
        {
            throw new ArgumentException($"A {grid}×{grid} detection map has {DetectionHead.OutputChannels * cells} values, not {map.Length}.", nameof(map));
        }

        var boxes = new List<DetectedBox>();
        for (var row = 0; row < grid; row++)
        {
            for (var col = 0; col < grid; col++)
            {
                var cell = row * grid + col;
                var score = Sigmoid(map[cell]);
                if (score < minimumScore || !IsLocalMaximum(map, grid, row, col))
                {
                    continue;
                }

                var (cx, cy) = ((col + 0.5) / grid, (row + 0.5) / grid);
                var box = new UnitBox(
                    Math.Clamp(cx - Math.Max(0, map[cells + cell]), 0, 1),
                    Math.Clamp(cy - Math.Max(0, map[3 * cells + cell]), 0, 1),
                    Math.Clamp(cx + Math.Max(0, map[2 * cells + cell]), 0, 1),
                    Math.Clamp(cy + Math.Max(0, map[4 * cells + cell]), 0, 1));
                boxes.Add(new DetectedBox(box, score));
            }
        }

        return [.. boxes.OrderByDescending(b => b.Score).Take(maximumBoxes)];
    }

    /// <summary>Null when the model has no detection branch; leaves the model in evaluation mode.</summary>
    public static IReadOnlyList<DetectedBox>? Detect(SliceClassifier model, float[] image, int imageSize, double minimumScore = DefaultMinimumScore)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.HasDetection)
        {
            return null;
        }

        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var detection = model.Run(tensor(image, [1, 3, imageSize, imageSize])).Detection!;
        var grid = (int)detection.shape[2];
        return Decode(detection.squeeze(0).contiguous().data<float>().ToArray(), grid, minimumScore);
    }

    private static bool IsLocalMaximum(ReadOnlySpan<float> map, int grid, int row, int col)
    {
        var value = map[row * grid + col];
        for (var r = Math.Max(0, row - 1); r <= Math.Min(grid - 1, row + 1); r++)
        {
            for (var c = Math.Max(0, col - 1); c <= Math.Min(grid - 1, col + 1); c++)
            {
                var other = map[r * grid + c];
                // Ties go to the first cell in reading order, so a plateau gives one box.
                if (other > value || (other == value && r * grid + c < row * grid + col))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static double Sigmoid(float logit) => 1 / (1 + Math.Exp(-logit));
}
