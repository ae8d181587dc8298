using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace BlendSign.Data.Import.Dimse;

// A study whose move fails is refused whole, with DCMTK's reason, and nothing received for it is kept.
internal sealed class DimseSource(DimseQuery query, DimseOptions options)
{
    private int _sequence;

    public async IAsyncEnumerable<ImportCandidate> WalkAsync(string scratchDirectory, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var index = 0; index < query.Studies.Count; index++)
        {
            var study = query.Studies[index];
            var folder = Directory.CreateDirectory(Path.Combine(scratchDirectory, $"dimse-{index}")).FullName;
            var failure = await MoveAsync(study, folder, cancellationToken);
            var received = Directory.GetFiles(folder);
            Array.Sort(received, StringComparer.Ordinal);
            if (failure is not null || received.Length == 0)
            {
                foreach (var file in received)
                {
                    File.Delete(file);
                }

                var partial = received.Length > 0 ? $" after {received.Length} instances arrived" : "";
                yield return new ImportCandidate(_sequence++, query.Address(study), null, IsScratch: false,
                    failure is null
                        ? "study not imported: the PACS sent no instances for it (unknown Study Instance UID?)"
                        : $"study not imported: {failure}{partial}; a study is imported whole or not at all, so run the import again");
                continue;
            }

            foreach (var file in received)
            {
                yield return new ImportCandidate(_sequence++, $"{query.Address(study)}/{Path.GetFileName(file)}", file, IsScratch: true, Rejection: null);
            }
        }
    }

    /// <summary>Runs one C-MOVE; null when it succeeded, else DCMTK's reason (it names no patient).</summary>
    private async Task<string?> MoveAsync(string study, string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.MovescuPath,
        [
            "--study", "+xa", "-aet", options.AeTitle, "-aec", query.CalledAe, "-aem", options.AeTitle,
            "+P", options.ReceivePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-od", folder,
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={study}",
            query.Host, query.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"DCMTK's movescu ({options.MovescuPath}) did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.StudyTimeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return $"the move did not finish within {options.StudyTimeoutSeconds} s";
        }

        var messages = (await errors + "\n" + await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return process.ExitCode == 0 && !messages.Any(IsMoveFailure) ? null : Describe(messages, process.ExitCode);
    }

    private static bool IsMoveFailure(string line) => line.StartsWith("W: Move response with error status", StringComparison.Ordinal);

    private static string Describe(IReadOnlyList<string> messages, int exitCode)
    {
        // DCMTK's own lines: "F: 0006:031c TCP Initialization Error: Connection refused", "W: Move response with error status (Failed: UnableToProcess)".
        var reason = messages.LastOrDefault(m => m.StartsWith("F: ", StringComparison.Ordinal) && m.Contains(':', StringComparison.Ordinal) && !m.EndsWith(':'))
            ?? messages.LastOrDefault(IsMoveFailure)
            ?? messages.LastOrDefault(m => m.StartsWith("E: ", StringComparison.Ordinal));
        return reason is null ? $"movescu failed (exit code {exitCode})" : $"C-MOVE failed: {reason[3..]}";
    }
}
