using System.Diagnostics;
using System.Text.Json;

namespace BlendSign.Model.Network;

// A child that dies of a signal (a native fault in a kernel: SIGFPE, SIGSEGV, SIGILL), prints no report or outlives the
// timeout is a failed check, with the reason.
public sealed class ChildProcessCpuFastPathProbe(IReadOnlyList<string> command, TimeSpan timeout) : ICpuFastPathProbe
{
    /// <summary>The report's JSON: snake_case, as the command line writes it (<c>cpu-check --json</c>).</summary>
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public CpuFastPathReport Run(CancellationToken cancellationToken)
    {
        if (command.Count == 0)
        {
            throw new InvalidOperationException("No command is configured for the CPU fast path check.");
        }

        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return CpuFastPathReport.Failed($"the check did not finish within {timeout.TotalSeconds:0} s");
        }

        process.WaitForExit();
        var report = Parse(output.GetAwaiter().GetResult());
        return report ?? CpuFastPathReport.Failed(Describe(process.ExitCode, LastLine(errors.GetAwaiter().GetResult())));
    }

    private static CpuFastPathReport? Parse(string output)
    {
        try
        {
            return string.IsNullOrWhiteSpace(output) ? null : JsonSerializer.Deserialize<CpuFastPathReport>(output, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>.NET gives a child killed by signal N the exit code 128 + N.</summary>
    internal static string Describe(int exitCode, string? lastError)
    {
        var signal = exitCode > 128 ? exitCode - 128 : 0;
        var name = signal switch
        {
            4 => "SIGILL",
            6 => "SIGABRT",
            7 => "SIGBUS",
            8 => "SIGFPE",
            9 => "SIGKILL",
            11 => "SIGSEGV",
            _ => null,
        };
        var how = name is null
            ? $"the check process ended with exit code {exitCode} and no report"
            : $"the check process died of {name} (a native fault in libtorch's kernels)";
        return lastError is null ? how : $"{how}: {lastError}";
    }

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => !l.Contains("NNPACK", StringComparison.Ordinal));
}
