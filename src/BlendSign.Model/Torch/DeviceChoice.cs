namespace BlendSign.Model.Torch;

/// <summary>Where a process asks to train: CUDA when available (the default), the CPU always, or CUDA or nothing.</summary>
public enum DeviceChoice
{
    Auto,
    Cpu,
    Cuda,
}
