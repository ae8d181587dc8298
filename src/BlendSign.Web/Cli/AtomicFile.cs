namespace BlendSign.Web.Cli;

/// <summary>Writes a file beside its target and moves it into place, so a failed export leaves no half file.</summary>
public static class AtomicFile
{
    public static async Task<T> WriteAsync<T>(string path, Func<Stream, Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var partial = path + ".partial";
        try
        {
            T result;
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                result = await write(stream);
            }

            File.Move(partial, path, overwrite: true);
            return result;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
