using System.Globalization;

namespace BlendSign.Web.Features.Reading.Load;

/// <summary>A process's resident memory from <c>/proc/PID/status</c>: now (VmRSS) and its peak so far (VmHWM), in MiB.</summary>
public sealed record ServerMemory(int Pid, double RssMb, double PeakRssMb)
{
    /// <summary>The process's memory, or null and why when it cannot be read (no such process, not Linux).</summary>
    public static (ServerMemory? Memory, string? Error) Read(int pid, string procRoot = "/proc")
    {
        var path = Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "status");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"Could not read {path}: {exception.Message}");
        }

        var rss = Kilobytes(lines, "VmRSS:");
        var peak = Kilobytes(lines, "VmHWM:");
        return rss is null || peak is null
            ? (null, $"{path} has no VmRSS or VmHWM line.")
            : (new ServerMemory(pid, Math.Round(rss.Value / 1024.0, 1), Math.Round(peak.Value / 1024.0, 1)), null);
    }

    private static long? Kilobytes(IEnumerable<string> lines, string key) =>
        lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
        && long.TryParse(line[key.Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? kb
            : null;
}
