namespace BlendSign.Data.Demo;

public enum BleedKind
{
    /// <summary>Homogeneous hyperdense blob in the parenchyma (normal ICH).</summary>
    Intraparenchymal,

    /// <summary>Homogeneous crescent along the inner table of the skull (normal ICH).</summary>
    Subdural,

    /// <summary>Homogeneous biconvex lens against the inner table of the skull (normal ICH).</summary>
    Epidural,

    /// <summary>One hematoma with a hyperdense and a hypodense region and a sharp margin between them on its central slices.</summary>
    BlendSign,
}
