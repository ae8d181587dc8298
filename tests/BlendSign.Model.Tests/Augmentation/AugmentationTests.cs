using BlendSign.Model.Augmentation;
using BlendSign.Model.Training;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Augmentation;

public class AugmentationTests
{
    private const int Size = 64;

    [Fact]
    public void Apply_Identity_LeavesImageAndBox()
    {
        using var image = Square(10, 20, 30, 40);
        using var warped = ImageAugmenter.Apply(image, [AugmentationParameters.Identity]);

        Assert.True(allclose(image, warped));
        var box = AugmentationParameters.Identity.Apply(new UnitBox(0.1, 0.2, 0.3, 0.4))!.Value;
        Assert.Equal([0.1, 0.2, 0.3, 0.4], new[] { box.Left, box.Top, box.Right, box.Bottom }, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Theory]
    [InlineData(true, 0, 0, 0, 1)]
    [InlineData(false, 0.1, -0.05, 0, 1)]
    [InlineData(false, 0, 0, 10, 1)]
    [InlineData(false, 0, 0, -10, 1.1)]
    [InlineData(true, -0.1, 0.1, 7, 0.9)]
    public void Apply_Transform_MovesTheBoxWithTheImage(bool flip, double shiftX, double shiftY, double degrees, double scale)
    {
        // A bright square off centre; its box must follow it wherever the warp puts it.
        using var image = Square(8, 12, 24, 30);
        var box = new UnitBox(8.0 / Size, 12.0 / Size, 24.0 / Size, 30.0 / Size);
        var parameters = new AugmentationParameters(flip, shiftX, shiftY, degrees, scale);

        using var warped = ImageAugmenter.Apply(image, [parameters]);
        var moved = parameters.Apply(box)!.Value;

        var (cx, cy) = BrightCentroid(warped);
        Assert.InRange(cx, moved.Left * Size, moved.Right * Size);
        Assert.InRange(cy, moved.Top * Size, moved.Bottom * Size);
        Assert.Equal(moved.CenterX * Size, cx, 1.5);
        Assert.Equal(moved.CenterY * Size, cy, 1.5);
    }

    [Fact]
    public void Sample_SameSeed_SameDrawsWithinTheStudyRanges()
    {
        var first = AugmentationParameters.Sample(new Random(3), AugmentationOptions.Study);
        var again = AugmentationParameters.Sample(new Random(3), AugmentationOptions.Study);
        var random = new Random(9);
        var draws = Enumerable.Range(0, 500).Select(_ => AugmentationParameters.Sample(random, AugmentationOptions.Study)).ToArray();

        Assert.Equal(first, again);
        Assert.All(draws, d =>
        {
            Assert.InRange(d.RotationDegrees, -10, 10);
            Assert.InRange(d.Scale, 0.9, 1.1);
            Assert.InRange(Math.Abs(d.ShiftX), 0, 0.1);
            Assert.InRange(Math.Abs(d.ShiftY), 0, 0.1);
        });
        Assert.InRange(draws.Count(d => d.Flip), 200, 300);
    }

    [Fact]
    public void Apply_BoxShiftedOutOfTheImage_IsDropped() =>
        Assert.Null(new AugmentationParameters(false, 0.1, 0, 0, 1).Apply(new UnitBox(0.95, 0.4, 1.0, 0.5)));

    private static Tensor Square(int left, int top, int right, int bottom)
    {
        var data = new float[3 * Size * Size];
        for (var c = 0; c < 3; c++)
        {
            for (var y = top; y < bottom; y++)
            {
                for (var x = left; x < right; x++)
                {
                    data[(c * Size + y) * Size + x] = 1f;
                }
            }
        }

        return tensor(data, [1, 3, Size, Size]);
    }

    private static (double X, double Y) BrightCentroid(Tensor image)
    {
        var values = image[0, 0].data<float>().ToArray();
        double sum = 0, sx = 0, sy = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[i];
            sx += values[i] * (i % Size + 0.5);
            sy += values[i] * (i / Size + 0.5);
        }

        return (sx / sum, sy / sum);
    }
}
