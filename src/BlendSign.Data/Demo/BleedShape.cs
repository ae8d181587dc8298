namespace BlendSign.Data.Demo;

/// <summary>The 2-D outline of a structure at a given relative size; the caller restricts it to the brain.</summary>
internal abstract class BleedShape
{
    public abstract PixelRect Bounds(HeadGeometry head, int slice, double size);

    public abstract bool Contains(HeadGeometry head, int x, int y, float rho, int bin, int slice, double size);

    public virtual bool IsHypodense(int x, int y, double size) => false;
}
