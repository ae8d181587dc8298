namespace BlendSign.Model.Torch;

public static class CpuModel
{
    public static string Name { get; } = Read();

    private static string Read()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var line = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            : null;
        var name = line?[(line.IndexOf(':') + 1)..].Trim();
        return string.IsNullOrEmpty(name)
            ? $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture} CPU ({Environment.ProcessorCount} cores)"
            : name;
    }
}
