using System.Text;

namespace BlendSign.Web.Cli;

public static class CliFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes text beside the target and moves the file into place, so a failed export leaves no half file.</summary>
    public static Task<T> WriteAtomicallyAsync<T>(string path, Func<TextWriter, Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteAtomicallyAsync(path, async stream =>
        {
            await using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
            var result = await write(writer);
            await writer.FlushAsync();
            return result;
        });
    }

    public static async Task<T> WriteAtomicallyAsync<T>(string path, Func<Stream, Task<T>> write)
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

    /// <summary>A reader for a UTF-8 text file (a byte-order mark is skipped), or null after telling the user it does not exist.</summary>
    public static async Task<StreamReader?> OpenTextAsync(string path, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (File.Exists(path))
        {
            return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }

        await error.WriteLineAsync($"No such file: {path}");
        return null;
    }
}
