namespace BlendSign.Data.Demo;

/// <summary>The 2-D outline of a structure at a given relative size; the caller restricts it to the brain.</summary>
internal abstract class BleedShape
{
    /// <summary>A rectangle holding every pixel of the shape on <paramref name="slice"/> at <paramref name="size"/>.</summary>
    public abstract PixelRect Bounds(HeadGeometry head, int slice, double size);

    /// <summary>Whether pixel (x, y), at normalised radius <paramref name="rho"/> and angle bin <paramref name="bin"/>, is inside.</summary>
    public abstract bool Contains(HeadGeometry head, int x, int y, float rho, int bin, int slice, double size);

    /// <summary>For a blend-sign hematoma: whether an inside pixel belongs to the hypodense region.</summary>
    public virtual bool IsHypodense(int x, int y, double size) => false;
}
