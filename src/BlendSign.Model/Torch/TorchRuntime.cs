using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Torch;

/// <summary>
/// The one place that decides where tensors live and how libtorch runs: CUDA when it is available
/// (a GPU host with the CUDA package), otherwise the CPU.
/// </summary>
public static class TorchRuntime
{
    public static Device SelectDevice() => cuda.is_available() ? CUDA : CPU;

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
