namespace BlendSign.Tests.Shared;

/// <summary>
/// Finds the real head-CT DICOMs in ../shared/data (beside the repository; never copied into it).
/// Tests that need them call <see cref="RequireFolder"/>, which skips with a message where they are absent.
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "BLENDSIGN_SHARED_DATA";

    // Declared first: static initialisers run in order and Locate() needs it.
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string? Root { get; } = Locate();

    public static string RequireFolder(string relative)
    {
        var path = Root is null ? null : Path.Combine(Root, relative);
        Skip.If(path is null || !Directory.Exists(path),
            $"Real data folder '{relative}' not found (looked for ../shared/data beside the repository or ${EnvironmentVariable}); skipping.");
        return path!;
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BlendSign.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("BlendSign.sln not found above " + AppContext.BaseDirectory);
    }
}
