using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Torch;

// The one place that decides where tensors live: CUDA when available, otherwise the CPU, unless DeviceChoice forces one.
public static class TorchRuntime
{
    public static Device SelectDevice() => SelectDevice(DeviceChoice.Auto);

    /// <summary>The device for <paramref name="choice"/>; CUDA asked for on a host without it is an error, never a silent CPU run.</summary>
    public static Device SelectDevice(DeviceChoice choice) => choice switch
    {
        DeviceChoice.Cpu => CPU,
        DeviceChoice.Cuda when IsCudaAvailable => CUDA,
        DeviceChoice.Cuda => throw new InvalidOperationException(CudaUnavailableMessage),
        _ => IsCudaAvailable ? CUDA : CPU,
    };

    public static bool IsCudaAvailable => cuda.is_available();

    public const string CudaUnavailableMessage =
        "CUDA is not available on this host: libtorch sees no GPU (build with -p:TorchBackend=cuda and check the NVIDIA driver), or use --device cpu.";

    public static string Describe(Device device) => device.type == DeviceType.CUDA ? "cuda" : "cpu";

    public static void ConfigureThreads(int threads)
    {
        if (threads > 0 && get_num_threads() != threads)
        {
            set_num_threads(threads);
        }
    }

    public static void Seed(long seed) => random.manual_seed(seed);
}
