using System.Diagnostics;

namespace BlendSign.Data.Dicom.Isolation;

// A child that dies (a native abort) or does not answer in time (killed) makes that file's verdict, and IsUsable turns
// false so that the pool starts a fresh one.
internal sealed class DecoderProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Stream _answers;
    private readonly StreamWriter _requests;

    private DecoderProcess(Process process)
    {
        _process = process;
        _answers = process.StandardOutput.BaseStream;
        _requests = process.StandardInput;
        // Codecs complain on standard error; drained so the child never blocks on a full pipe.
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
    }

    public bool IsUsable { get; private set; } = true;

    public static async Task<DecoderProcess> StartAsync(IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        if (command.Count == 0)
        {
            throw new InvalidOperationException("No decoder command is configured (BlendSign:Import:Decoder:WorkerCommand).");
        }

        var start = new ProcessStartInfo(command[0], command.Skip(1))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The web app's server GC (a heap and a GC thread per core, for each child) doubled the children's CPU per
        // file in `bench render --isolated`; one file at a time wants the workstation GC.
        start.Environment["DOTNET_gcServer"] = "0";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException($"The isolated DICOM decoder could not be started ({command[0]}): {exception.Message}", exception);
        }

        var child = new DecoderProcess(process);
        try
        {
            var greeting = new byte[DecoderProtocol.Greeting.Length];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            await child._answers.ReadExactlyAsync(greeting, timeout.Token);
            if (!greeting.AsSpan().SequenceEqual(DecoderProtocol.Greeting))
            {
                throw new InvalidDataException("unexpected greeting");
            }

            return child;
        }
        catch (Exception exception) when (exception is EndOfStreamException or InvalidDataException or IOException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            child.Dispose();
            throw new InvalidOperationException(
                $"The isolated DICOM decoder ({string.Join(' ', command)}) did not start: {exception.Message}", exception);
        }
        catch
        {
            child.Dispose();
            throw;
        }
    }

    public async Task<DicomReadResult> DecodeAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _requests.WriteLineAsync(DecoderProtocol.Request(path).AsMemory(), cancellationToken);
            await _requests.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            return Crashed();
        }

        var answer = DecoderProtocol.ReadAnswerAsync(_answers, CancellationToken.None);
        var finished = await Task.WhenAny(answer, Task.Delay(timeout, cancellationToken));
        if (finished != answer)
        {
            // A hung decode or the caller's cancellation: a child mid-file cannot be reused.
            Kill();
            await ((Task)answer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            return DicomReadResult.Rejected($"the decoder hung on this file (no answer within {timeout.TotalSeconds:0} s; it was stopped)");
        }

        try
        {
            return await answer;
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            return Crashed();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private DicomReadResult Crashed()
    {
        IsUsable = false;
        var ended = _process.WaitForExit(TimeSpan.FromSeconds(5));
        if (!ended)
        {
            Kill();
        }

        return DicomReadResult.Rejected($"the decoder crashed on this file ({Describe(ended ? _process.ExitCode : null)})");
    }

    private void Kill()
    {
        IsUsable = false;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>On Linux a child killed by signal N exits with 128 + N.</summary>
    private static string Describe(int? exitCode) => exitCode switch
    {
        null => "it stopped answering",
        134 => "the decoder process aborted, SIGABRT",
        139 => "the decoder process crashed, SIGSEGV",
        135 => "the decoder process crashed, SIGBUS",
        136 => "the decoder process crashed, SIGFPE",
        137 => "the decoder process was killed, SIGKILL",
        > 128 and < 160 => $"the decoder process ended on signal {exitCode - 128}",
        _ => $"the decoder process exited with code {exitCode}",
    };
}
