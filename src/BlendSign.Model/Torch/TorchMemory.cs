using System.Collections;
using System.Runtime.InteropServices;

namespace BlendSign.Model.Torch;

// glibc hands freed blocks above its mmap threshold back to the kernel, so each training step faulted in and zeroed
// the same pages again: at 256 px a fifth of the CPU time went to the kernel doing that (issue 14).
public static partial class TorchMemory
{
    /// <summary>libtorch's switch for transparent huge pages on allocations of 2 MiB and more (madvise(MADV_HUGEPAGE)).</summary>
    public const string HugePagesVariable = "THP_MEM_ALLOC_ENABLE";

    // glibc's own threshold starts at 128 KiB and climbs only as far as the blocks freed so far. 16 MiB holds every
    // ResNet-18 weight and its reordered copy; 32 MiB was as fast and took 300 MiB more at a 256-px step's peak (issue 14).
    public const int MmapThresholdBytes = 16 << 20;

    public const int TrimThresholdBytes = 64 << 20;

    private const int MallocTrimThreshold = -1;
    private const int MallocMmapThreshold = -3;

    // First thing in Program: libtorch reads HugePagesVariable once, at its first allocation. Settings the operator
    // made win (HugePagesVariable already set, or malloc tunables in GLIBC_TUNABLES or MALLOC_*_). Linux only.
    public static void Configure()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        SetNativeVariableUnlessSet(HugePagesVariable, "1");
        KeepFreedMemory(Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value));
    }

    // The cost: up to TrimThresholdBytes of freed memory per glibc arena stays with the process.
    internal static bool KeepFreedMemory(IReadOnlyDictionary<string, string?> environment)
    {
        var tuned = environment.Any(e =>
            (e.Key.StartsWith("MALLOC_", StringComparison.Ordinal) && e.Key.EndsWith('_')) ||
            (e.Key == "GLIBC_TUNABLES" && e.Value?.Contains("glibc.malloc.", StringComparison.Ordinal) == true));
        return !tuned && mallopt(MallocMmapThreshold, MmapThresholdBytes) == 1 && mallopt(MallocTrimThreshold, TrimThresholdBytes) == 1;
    }

    // .NET's Environment.SetEnvironmentVariable changes only the runtime's own copy, which libtorch never reads.
    internal static void SetNativeVariableUnlessSet(string name, string value)
    {
        if (setenv(name, value, 0) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    internal static string? GetNativeVariable(string name) => Marshal.PtrToStringUTF8(getenv(name));

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr getenv(string name);

    [LibraryImport("libc")]
    private static partial int mallopt(int parameter, int value);
}
