namespace BlendSign.Data.Demo;

// Holds reusable buffers (the per-scan radius/angle maps, a fixed table of Gaussian noise), so one instance serves one
// thread; rendering allocates nothing per pixel.
public sealed class PhantomRenderer
{
    public const int PixelCount = HeadPhantom.Size * HeadPhantom.Size;

    private const int NoiseLength = 1 << 20;
    private const int NoiseMask = NoiseLength - 1;
    private const int NoiseTableSeed = 20230519;

    private readonly float[] _noise = new float[NoiseLength];
    private readonly float[] _rho = new float[PixelCount];
    private readonly ushort[] _bin = new ushort[PixelCount];
    private readonly PhantomTissue[] _tissue = new PhantomTissue[PixelCount];
    private HeadGeometry? _mapped;

    public PhantomRenderer()
    {
        var random = new Random(NoiseTableSeed);
        for (var i = 0; i < NoiseLength; i++)
        {
            _noise[i] = (float)random.NextGaussian();
        }
    }

    /// <summary>Writes slice <paramref name="slice"/> of <paramref name="scan"/> (HU, row-major 512×512) and, when given room, each pixel's tissue.</summary>
    public void Render(PhantomScan scan, int slice, Span<short> hu, Span<PhantomTissue> tissue = default)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(hu.Length, PixelCount, nameof(hu));
        ArgumentOutOfRangeException.ThrowIfNegative(slice);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slice, scan.SliceCount);
        if (!ReferenceEquals(_mapped, scan.Head))
        {
            MapHead(scan.Head);
        }

        var noiseOffset = new Random(RandomExtensions.DeriveSeed(scan.NoiseSeed, slice)).Next(NoiseLength);
        DrawAnatomy(scan.Head, slice, hu, noiseOffset);
        foreach (var ventricle in scan.Ventricles)
        {
            DrawVentricle(scan.Head, ventricle, slice, hu, noiseOffset);
        }

        foreach (var box in scan.Slices[slice].Boxes)
        {
            DrawBleed(scan.Head, scan.Bleeds.Single(b => b.Id == box.BleedId), slice, hu, noiseOffset);
        }

        if (!tissue.IsEmpty)
        {
            _tissue.CopyTo(tissue);
        }
    }

    private void MapHead(HeadGeometry head)
    {
        for (var y = 0; y < HeadPhantom.Size; y++)
        {
            for (var x = 0; x < HeadPhantom.Size; x++)
            {
                head.Locate(x, y, out var rho, out var bin);
                _rho[y * HeadPhantom.Size + x] = rho;
                _bin[y * HeadPhantom.Size + x] = (ushort)bin;
            }
        }

        _mapped = head;
    }

    private void DrawAnatomy(HeadGeometry head, int slice, Span<short> hu, int noiseOffset)
    {
        var scale = head.SliceScale[slice];
        var inner = head.InnerEdge;
        var outer = head.OuterEdge;
        var scalp = head.ScalpEdge;
        var radius = head.RadiusPixels;
        var (parenchyma, skull, scalpRange, air) = (PhantomHu.Parenchyma, PhantomHu.Skull, PhantomHu.Scalp, PhantomHu.Air);
        for (var i = 0; i < PixelCount; i++)
        {
            var rho = _rho[i];
            int bin = _bin[i];
            var noise = _noise[(noiseOffset + i) & NoiseMask];
            var innerEdge = inner[bin] * scale;
            if (rho < innerEdge)
            {
                // Gray matter (a little denser) lines the cortex; white matter lies deeper.
                var depth = (innerEdge - rho) * radius[bin];
                var cortex = Math.Clamp((10f - depth) * 0.25f, 0f, 1f);
                Set(hu, i, PhantomTissue.Parenchyma, 29f + 6f * cortex + 2.2f * noise, parenchyma);
                continue;
            }

            var outerEdge = outer[bin] * scale;
            if (rho < outerEdge)
            {
                // Dense inner and outer tables around a lighter diploë.
                var depth = (rho - innerEdge) / (outerEdge - innerEdge);
                var table = MathF.Abs(2f * depth - 1f);
                Set(hu, i, PhantomTissue.Skull, 880f + 520f * table * MathF.Sqrt(table) + 35f * noise, skull);
            }
            else if (rho < scalp[bin] * scale)
            {
                Set(hu, i, PhantomTissue.Scalp, 35f + 6f * noise, scalpRange);
            }
            else
            {
                Set(hu, i, PhantomTissue.Air, -1000f + 3f * noise, air);
            }
        }
    }

    private void DrawVentricle(HeadGeometry head, Ventricle ventricle, int slice, Span<short> hu, int noiseOffset)
    {
        var size = ventricle.Slices.SizeAt(slice);
        if (size <= 0)
        {
            return;
        }

        var rect = ventricle.Shape.Bounds(head, slice, size).ClipTo(HeadPhantom.Size);
        for (var y = rect.Top; y < rect.Bottom; y++)
        {
            for (var x = rect.Left; x < rect.Right; x++)
            {
                var i = y * HeadPhantom.Size + x;
                if (_tissue[i] == PhantomTissue.Parenchyma && ventricle.Shape.Contains(head, x, y, _rho[i], _bin[i], slice, size))
                {
                    Set(hu, i, PhantomTissue.Ventricle, 8f + 2.5f * _noise[(noiseOffset + i) & NoiseMask], PhantomHu.Ventricle);
                }
            }
        }
    }

    private void DrawBleed(HeadGeometry head, PhantomBleed bleed, int slice, Span<short> hu, int noiseOffset)
    {
        var size = bleed.Slices.SizeAt(slice);
        var twoRegions = bleed.ShowsBlendSignOn(slice);
        var rect = bleed.Shape.Bounds(head, slice, size).ClipTo(HeadPhantom.Size);
        for (var y = rect.Top; y < rect.Bottom; y++)
        {
            for (var x = rect.Left; x < rect.Right; x++)
            {
                var i = y * HeadPhantom.Size + x;
                var rho = _rho[i];
                int bin = _bin[i];
                if (!head.InBrain(rho, bin, slice) || !bleed.Shape.Contains(head, x, y, rho, bin, slice, size))
                {
                    continue;
                }

                var noise = 2.5f * _noise[(noiseOffset + i) & NoiseMask];
                if (!twoRegions)
                {
                    Set(hu, i, PhantomTissue.Hemorrhage, (float)bleed.MeanHu + noise, PhantomHu.Hemorrhage);
                }
                else if (bleed.Shape.IsHypodense(x, y, size))
                {
                    Set(hu, i, PhantomTissue.BlendHypodense, (float)bleed.HypodenseMeanHu + noise, PhantomHu.BlendHypodense);
                }
                else
                {
                    Set(hu, i, PhantomTissue.BlendHyperdense, (float)bleed.MeanHu + noise, PhantomHu.BlendHyperdense);
                }
            }
        }
    }

    private void Set(Span<short> hu, int index, PhantomTissue tissue, float value, (int Min, int Max) range)
    {
        hu[index] = (short)Math.Clamp((int)MathF.Round(value), range.Min, range.Max);
        _tissue[index] = tissue;
    }
}
