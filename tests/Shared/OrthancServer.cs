using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BlendSign.Tests.Shared;

/// <summary>
/// A real PACS for a test: Debian's Orthanc with its DICOMweb plugin, on free loopback ports, with a throw-away
/// configuration and storage folder, stopped and deleted on dispose. Fails loudly when Orthanc cannot start
/// (scripts/install.sh --tests installs it); a test never silently runs without it.
/// </summary>
public sealed class OrthancServer : IDisposable
{
    public const string Executable = "/usr/sbin/Orthanc";
    public const string DicomWebPlugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

    private readonly TempDirectory _folder = new();
    private readonly Process _process;
    private readonly HttpClient _http;

    private OrthancServer(string? user, string? password, (string AeTitle, int Port)? dimsePeer)
    {
        User = user;
        Password = password;
        HttpPort = LoopbackPort.Free();
        DicomPort = LoopbackPort.Free();
        var configuration = _folder.Combine("orthanc.json");
        File.WriteAllText(configuration, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["Name"] = "BlendSignTest",
            ["StorageDirectory"] = _folder.Combine("storage"),
            ["IndexDirectory"] = _folder.Combine("storage"),
            ["HttpPort"] = HttpPort,
            ["DicomPort"] = DicomPort,
            ["DicomAet"] = AeTitle,
            // The node C-MOVE may send to: the importer's AE title at its receive port.
            ["DicomModalities"] = dimsePeer is { } peer
                ? new Dictionary<string, object[]> { ["blendsign"] = [peer.AeTitle, "127.0.0.1", peer.Port] }
                : new Dictionary<string, object[]>(),
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = user is not null,
            ["RegisteredUsers"] = user is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [user] = password! },
            ["Plugins"] = new[] { DicomWebPlugin },
            ["DicomWeb"] = new Dictionary<string, object> { ["Enable"] = true, ["Root"] = "/dicom-web/" },
            ["StorageCompression"] = false,
        }));

        _process = Process.Start(new ProcessStartInfo(Executable, [configuration])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Orthanc did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"), Timeout = TimeSpan.FromSeconds(60) };
        if (user is not null)
        {
            _http.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
    }

    public const string AeTitle = "BLENDSIGNPACS";

    public int HttpPort { get; }
    public int DicomPort { get; }
    public string? User { get; }
    public string? Password { get; }

    /// <summary>The DICOMweb root the importer is given.</summary>
    public Uri DicomWebRoot => new($"http://127.0.0.1:{HttpPort}/dicom-web");

    private StringBuilder Log { get; } = new();

    /// <summary>
    /// Starts Orthanc (with HTTP basic authentication when a user is given; knowing <paramref name="dimsePeer"/> as a
    /// C-MOVE destination when given) and waits until it answers.
    /// </summary>
    public static async Task<OrthancServer> StartAsync(string? user = null, string? password = null, (string AeTitle, int Port)? dimsePeer = null)
    {
        if (!File.Exists(Executable) || !File.Exists(DicomWebPlugin))
        {
            throw new InvalidOperationException(
                $"Orthanc or its DICOMweb plugin is missing ({Executable}, {DicomWebPlugin}): run scripts/install.sh --tests.");
        }

        var server = new OrthancServer(user, password, dimsePeer);
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Stores DICOM files through Orthanc's REST API (POST /instances), as a modality or another PACS would send them.</summary>
    public async Task UploadAsync(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
            using var response = await _http.PostAsync("instances", content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"Orthanc refused {Path.GetFileName(file)}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>How many instances Orthanc holds.</summary>
    public async Task<int> CountInstancesAsync()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("statistics"));
        return document.RootElement.GetProperty("CountInstances").GetInt32();
    }

    /// <summary>Kills the server at once, as a crash or a pulled cable would; later requests are refused.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        _http.Dispose();
        _folder.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Orthanc exited with code {_process.ExitCode} while starting:\n{Tail()}");
            }

            try
            {
                using var response = await _http.GetAsync("system");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Orthanc did not answer on port {HttpPort} within 60 s:\n{Tail()}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (Log)
        {
            Log.AppendLine(line);
        }
    }

    private string Tail()
    {
        lock (Log)
        {
            var text = Log.ToString();
            return text.Length <= 4000 ? text : text[^4000..];
        }
    }
}
