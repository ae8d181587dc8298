using System.Runtime.InteropServices;

namespace BlendSign.Model.Torch;

/// <summary>
/// How libtorch takes memory for CPU tensors. A training step allocates and frees hundreds of megabytes of activations
/// (a 16×64×128×128 map is 64 MiB), which glibc maps fresh from the kernel every time; with 4 KiB pages the kernel
/// faults in and zeroes each page on first touch. libtorch's <c>THP_MEM_ALLOC_ENABLE</c> asks for transparent huge
/// pages (<c>madvise(MADV_HUGEPAGE)</c>) on allocations of 2 MiB and more, 512 times fewer faults (issue 14: a 256-px
/// ResNet-18 step took 1.3 million minor faults for five steps without it, 0.3 million with it).
/// </summary>
public static partial class TorchMemory
{
    public const string HugePagesVariable = "THP_MEM_ALLOC_ENABLE";

    /// <summary>
    /// Sets <see cref="HugePagesVariable"/> in the process's native environment unless the operator set it (to 0, say):
    /// libtorch reads it once, at its first allocation, so this runs first thing in <c>Program</c>. Linux only (a no-op
    /// elsewhere, and where the kernel's transparent huge pages are off the advice changes nothing).
    /// </summary>
    public static void PreferHugePages()
    {
        if (OperatingSystem.IsLinux())
        {
            SetNativeVariableUnlessSet(HugePagesVariable, "1");
        }
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
}
