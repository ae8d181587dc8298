namespace BlendSign.Data.Demo;

/// <summary>What the phantom put at a pixel; rendered alongside the HU so tests can check each tissue's range.</summary>
public enum PhantomTissue : byte
{
    Air,
    Scalp,
    Skull,
    Parenchyma,
    Ventricle,

    /// <summary>A homogeneous hemorrhage (also a blend-sign hematoma on its homogeneous end slices).</summary>
    Hemorrhage,

    BlendHyperdense,

    BlendHypodense,
}
