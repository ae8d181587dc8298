namespace BlendSign.Model.Torch;

public enum DeviceChoice
{
    Auto,
    Cpu,
    Cuda,
}
