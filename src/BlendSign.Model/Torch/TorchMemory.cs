using System.Collections;
using System.Runtime.InteropServices;

namespace BlendSign.Model.Torch;

/// <summary>
/// How the process takes memory for libtorch's CPU tensors (issue 14). A training step allocates and frees hundreds of
/// megabytes of activations, and a single-slice forward reorders every convolution weight into a fresh buffer. glibc
/// hands blocks above its mmap threshold back to the kernel when they are freed, so the next step faults in and zeroes
/// the same pages again: at 256 px a fifth of the CPU time went to the kernel doing that.
/// </summary>
public static partial class TorchMemory
{
    /// <summary>libtorch's switch for transparent huge pages on allocations of 2 MiB and more (madvise(MADV_HUGEPAGE)).</summary>
    public const string HugePagesVariable = "THP_MEM_ALLOC_ENABLE";

    /// <summary>
    /// Blocks below this come from the heap and are reused (glibc's own threshold starts at 128 KiB and climbs only as
    /// far as the blocks freed so far). 16 MiB holds every weight of the ResNet-18 and its reordered copy; 32 MiB was as
    /// fast and took 300 MiB more at the peak of a 256-px training step (issue 14).
    /// </summary>
    public const int MmapThresholdBytes = 16 << 20;

    /// <summary>Freed memory at the top of the heap that glibc keeps instead of returning it to the kernel.</summary>
    public const int TrimThresholdBytes = 64 << 20;

    private const int MallocTrimThreshold = -1;
    private const int MallocMmapThreshold = -3;

    /// <summary>
    /// First thing in <c>Program</c>, before libtorch loads (it reads <see cref="HugePagesVariable"/> once, at its first
    /// allocation): asks for huge pages and sets glibc's mmap and trim thresholds. Settings the operator made win:
    /// <see cref="HugePagesVariable"/> already set (to 0, say), or malloc tunables in GLIBC_TUNABLES or MALLOC_*_.
    /// Linux only; a no-op elsewhere.
    /// </summary>
    public static void Configure()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        SetNativeVariableUnlessSet(HugePagesVariable, "1");
        KeepFreedMemory(Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value));
    }

    /// <summary>
    /// Sets the mmap threshold to <see cref="MmapThresholdBytes"/> and the trim threshold to <see cref="TrimThresholdBytes"/>
    /// unless <paramref name="environment"/> tunes malloc itself; true when both were set. The cost: up to
    /// <see cref="TrimThresholdBytes"/> of freed memory per glibc arena stays with the process.
    /// </summary>
    internal static bool KeepFreedMemory(IReadOnlyDictionary<string, string?> environment)
    {
        var tuned = environment.Any(e =>
            (e.Key.StartsWith("MALLOC_", StringComparison.Ordinal) && e.Key.EndsWith('_')) ||
            (e.Key == "GLIBC_TUNABLES" && e.Value?.Contains("glibc.malloc.", StringComparison.Ordinal) == true));
        return !tuned && mallopt(MallocMmapThreshold, MmapThresholdBytes) == 1 && mallopt(MallocTrimThreshold, TrimThresholdBytes) == 1;
    }

    /// <summary>
    /// setenv(3) without overwriting: .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes
    /// only the runtime's own copy, which native code such as libtorch never reads.
    /// </summary>
    internal static void SetNativeVariableUnlessSet(string name, string value)
    {
        if (setenv(name, value, 0) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>The native environment's value of <paramref name="name"/> (getenv(3)), or null.</summary>
    internal static string? GetNativeVariable(string name) => Marshal.PtrToStringUTF8(getenv(name));

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr getenv(string name);

    [LibraryImport("libc")]
    private static partial int mallopt(int parameter, int value);
}
