namespace BlendSign.Web.Features.Training;

/// <summary>
/// Lets a starting server tell a run whose process died (lock free: resume it) from one another process still trains
/// (lock held). The operating system drops the lock when the process ends, however it ends.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly FileStream _stream;

    private RunLock(FileStream stream) => _stream = stream;

    /// <summary>The lock, or null when another holder (this process or another) has it.</summary>
    public static RunLock? TryAcquire(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
