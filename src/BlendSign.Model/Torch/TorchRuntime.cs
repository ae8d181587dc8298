using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Torch;

/// <summary>
/// The one place that decides where tensors live and how libtorch runs: CUDA when it is available
/// (a GPU host with the CUDA package), otherwise the CPU; <see cref="DeviceChoice"/> can force either.
/// </summary>
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

    /// <summary>Whether libtorch sees a CUDA device (false with the CPU build of libtorch or without a GPU driver).</summary>
    public static bool IsCudaAvailable => cuda.is_available();

    public const string CudaUnavailableMessage =
        "CUDA is not available on this host: libtorch sees no GPU (build with -p:TorchBackend=cuda and check the NVIDIA driver), or use --device cpu.";

    /// <summary>A short name of the device for logs and run records ("cpu", "cuda").</summary>
    public static string Describe(Device device) => device.type == DeviceType.CUDA ? "cuda" : "cpu";

    /// <summary>Sets libtorch's intra-op threads; 0 or less keeps its default (one per core).</summary>
    public static void ConfigureThreads(int threads)
    {
        if (threads > 0 && get_num_threads() != threads)
        {
            set_num_threads(threads);
        }
    }

    /// <summary>Seeds libtorch's generators (weight initialisation) for a reproducible run.</summary>
    public static void Seed(long seed) => random.manual_seed(seed);
}
