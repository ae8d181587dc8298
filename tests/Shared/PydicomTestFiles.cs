namespace BlendSign.Tests.Shared;

/// <summary>
/// pydicom's test files as Debian's python3-pydicom installs them (scripts/install.sh --tests): small real DICOMs in
/// several transfer syntaxes. Missing files fail the test with the install hint; they are part of the test setup.
/// </summary>
public static class PydicomTestFiles
{
    public const string Folder = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    /// <summary>A 128×128 CT slice, Explicit VR Little Endian.</summary>
    public static string CtSmall => Require("CT_small.dcm");

    public static string Require(string name)
    {
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run scripts/install.sh --tests (it installs python3-pydicom).");
        }

        return path;
    }
}
