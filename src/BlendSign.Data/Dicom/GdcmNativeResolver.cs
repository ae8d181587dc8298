using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BlendSign.Data.Dicom;

// Debian installs GDCM's native glue library beside the managed dll (apt: libgdcm-cil), not on the loader's search path.
internal static class GdcmNativeResolver
{
    private const string GlueName = "gdcmsharpglue";
    private const string GlueFile = "libgdcmsharpglue.so";
    private const string DebianDirectory = "/usr/lib/cli/gdcm-sharp-3.0";

    // A resolver can be set once per assembly; the module initializer does it before any GDCM call,
    // whichever entry point (server, verb, test) loads this library.
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Registers a native resolver for a dependency.")]
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(gdcm.ImageReader).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!libraryName.Contains(GlueName, StringComparison.Ordinal))
        {
            return IntPtr.Zero;
        }

        foreach (var directory in new[] { AppContext.BaseDirectory, DebianDirectory })
        {
            var candidate = Path.Combine(directory, GlueFile);
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            $"GDCM's native glue ({GlueFile}) was not found in {DebianDirectory}. Install it with: apt-get install -y libgdcm-cil");
    }
}
