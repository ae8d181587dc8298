using System.Diagnostics;
using System.Net;
using BlendSign.Tests.Shared;

namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>
/// The built app (<c>dotnet BlendSign.Web.dll</c>) as a process of its own: a web node, a <c>worker</c> or a verb, with
/// its configuration in environment variables and its output in a log beside the browser tests' artifacts. Killing
/// it is <c>kill -9</c>: no shutdown code runs.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output;

    private readonly StreamWriter _log;

    private AppProcess(Process process, string logPath, System.Text.StringBuilder output, StreamWriter log)
    {
        _process = process;
        LogPath = logPath;
        _output = output;
        _log = log;
    }

    public string LogPath { get; }

    /// <summary>What the process wrote to standard output (a verb's <c>--json</c> document); read it after it exited.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>The Web project's build output of the configuration these tests were built in.</summary>
    public static string AppDll
    {
        get
        {
            // tests/BlendSign.EndToEnd.Tests/bin/{Configuration}/{tfm}/
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var (configuration, tfm) = (testOutput.Parent!.Name, testOutput.Name);
            var dll = Path.Combine(SharedData.RepositoryRoot, "src", "BlendSign.Web", "bin", configuration, tfm, "BlendSign.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the app first: {dll} is missing.", dll);
        }
    }

    public static AppProcess Start(string name, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartDll(AppDll, name, environment, args);

    private static AppProcess StartDll(string appDll, string name, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var log = Path.Combine(ChromiumBrowser.ArtifactsDirectory, $"{name}.log");
        var start = new ProcessStartInfo("dotnet", [appDll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var writer = new StreamWriter(log, append: false) { AutoFlush = true };
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
                writer.WriteLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    writer.WriteLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, log, output, writer);
    }

    /// <summary>A web node on <paramref name="port"/>; returns once <c>/health</c> answers 200.</summary>
    /// <param name="appDll">Another build of the app (a benchmark's baseline); default: this configuration's build.</param>
    public static async Task<AppProcess> StartWebNodeAsync(string name, int port, IReadOnlyDictionary<string, string> environment, string? appDll = null)
    {
        var node = StartDll(appDll ?? AppDll, name, environment, ["--urls", $"http://127.0.0.1:{port}"]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (node.HasExited)
            {
                throw new InvalidOperationException($"{name} exited at start; see {node.LogPath}.");
            }

            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health")).StatusCode == HttpStatusCode.OK)
                {
                    return node;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{name} did not answer /health within 2 minutes; see {node.LogPath}.");
    }

    /// <summary>The exit code, once the process and its output streams have ended.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: the process gets no chance to clean up.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_output)
        {
            _log.Dispose();
        }
    }
}
