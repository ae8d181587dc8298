using System.Diagnostics;
using System.Net;
using System.Text.Json;
using BlendSign.Data.Labels;

namespace BlendSign.Web.Features.Reading.Load;

/// <summary>
/// One simulated rater with its own cookies and connection, as a browser would be. Each label differs from the one the
/// slice may hold now, so every acknowledged save is a change with exactly one audit entry.
/// </summary>
internal sealed class LoadRater : IDisposable
{
    private const string ImageWindow = "rgb3";

    private readonly HttpClient _client;
    private readonly LoadAccount _account;
    private readonly TimeSpan _thinkTime;
    private readonly List<SaveAttempt> _saves = [];
    private readonly List<double> _saveMilliseconds = [];
    private readonly List<double> _imageMilliseconds = [];
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);

    // Per SOP UID, the label the slice may hold now for this rater: the last one acknowledged or sent without an answer.
    private readonly Dictionary<string, HemorrhageClass?> _current = new(StringComparer.Ordinal);
    private List<string> _slices = [];

    public LoadRater(LoadAccount account, LoadSettings settings)
    {
        _account = account;
        _thinkTime = settings.ThinkTime;
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            UseProxy = false, // only ever 127.0.0.1, whatever the environment's proxy says
            MaxConnectionsPerServer = 1, // one rater, one request at a time: one connection, as a browser tab's fetches would use
            ConnectTimeout = settings.RequestTimeout,
        };
        _client = new HttpClient(handler) { BaseAddress = settings.Server, Timeout = settings.RequestTimeout };
    }

    public string Name => _account.UserName;

    /// <summary>Signs in and loads the worklist's slices (of scans not excluded); null when ready, otherwise why not.</summary>
    public async Task<string?> PrepareAsync(string password, CancellationToken cancellationToken)
    {
        if (await LoadSignIn.SignInAsync(_client, _account.UserName, password, cancellationToken) is { } error)
        {
            return error;
        }

        using var response = await _client.GetAsync(ReadingApiContract.WorklistPath, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"{Name}: {ReadingApiContract.WorklistPath} answered HTTP {(int)response.StatusCode}.";
        }

        var worklist = await response.Content.ReadFromJsonAsync<WorklistResponse>(ReadingApiContract.Json, cancellationToken);
        var slices = worklist?.Scans.Where(s => !s.Excluded).SelectMany(s => s.Slices).ToList() ?? [];
        if (slices.Count == 0)
        {
            return $"{Name} has no slice to label on its worklist.";
        }

        _slices = slices.Select(s => s.SopInstanceUid).ToList();
        foreach (var slice in slices)
        {
            _current[slice.SopInstanceUid] = HemorrhageClassNames.TryParse(slice.Label, out var label) ? label : null;
        }

        return null;
    }

    public async Task<RaterResult> RunAsync(int start, long deadlineTimestamp, RequestBudget budget, CancellationToken cancellationToken)
    {
        // People do not read in step: each rater starts somewhere within one think time and pauses 0.5-1.5 think times,
        // at random (seeded per rater, so a run can be repeated). In step, every rater would save in the same instant.
        var random = new Random(start);
        await PauseAsync(_thinkTime * random.NextDouble(), deadlineTimestamp, cancellationToken);
        for (var i = start; Stopwatch.GetTimestamp() < deadlineTimestamp && !cancellationToken.IsCancellationRequested && budget.TryTake(2); i++)
        {
            var sop = _slices[i % _slices.Count];
            await FetchImageAsync(sop, cancellationToken);
            await SaveLabelAsync(sop, cancellationToken);
            await PauseAsync(_thinkTime * (0.5 + random.NextDouble()), deadlineTimestamp, cancellationToken);
        }

        return new RaterResult(Name, _saves, _saveMilliseconds, _imageMilliseconds, _errors);
    }

    /// <summary>A pause, never past the deadline; cancellation ends it quietly (the loop then stops).</summary>
    private static async Task PauseAsync(TimeSpan wanted, long deadlineTimestamp, CancellationToken cancellationToken)
    {
        var left = TimeSpan.FromSeconds((double)(deadlineTimestamp - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
        var pause = wanted < left ? wanted : left;
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task FetchImageAsync(string sop, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.GetAsync($"/api/slices/{Uri.EscapeDataString(sop)}/image?window={ImageWindow}", cancellationToken);
            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                _imageMilliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                Count($"image_http_{(int)response.StatusCode}");
            }
        }
        catch (Exception exception) when (Failure(exception, cancellationToken) is { } kind)
        {
            Count($"image_{kind}");
        }
    }

    private async Task SaveLabelAsync(string sop, CancellationToken cancellationToken)
    {
        var label = NextLabel(_current[sop]);
        var started = Stopwatch.GetTimestamp();
        SaveAnswer answer;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, ReadingApiContract.LabelPath(sop))
            {
                Content = JsonContent.Create(new LabelRequest(label.ToWireName()), options: ReadingApiContract.Json),
            };
            request.Headers.Add(ReadingApiContract.ClientHeader, "bench-load");
            using var response = await _client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            answer = Classify(response.StatusCode, body);
            if (answer == SaveAnswer.Acknowledged)
            {
                _saveMilliseconds.Add(elapsed);
            }
        }
        catch (Exception exception) when (Failure(exception, cancellationToken) is { } kind)
        {
            Count($"save_{kind}");
            answer = SaveAnswer.Unknown;
        }

        if (answer != SaveAnswer.Refused)
        {
            _current[sop] = label;
        }

        _saves.Add(new SaveAttempt(Name, sop, label, answer, DateTimeOffset.UtcNow));
    }

    private SaveAnswer Classify(HttpStatusCode status, string body)
    {
        if (status == HttpStatusCode.OK && Parse(body) is { Saved: true })
        {
            return SaveAnswer.Acknowledged;
        }

        var code = (int)status;
        Count(code is >= 400 and < 500 && Parse(body)?.Refusal is { } refusal ? $"save_refused_{refusal}" : $"save_http_{code}");
        return code is >= 400 and < 500 ? SaveAnswer.Refused : SaveAnswer.Unknown;
    }

    private static LabelResponse? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<LabelResponse>(body, ReadingApiContract.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The next class in the study's order after the current one (the first when none): never the label the slice holds now.</summary>
    private static HemorrhageClass NextLabel(HemorrhageClass? current)
    {
        var all = HemorrhageClassNames.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i] == current)
            {
                return all[(i + 1) % all.Count];
            }
        }

        return all[0];
    }

    /// <summary>The error kind of a request that got no answer (its write, if any, is unknown); null for other exceptions.</summary>
    private static string? Failure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => cancellationToken.IsCancellationRequested ? "cancelled" : "timeout",
        HttpRequestException => "connection_error",
        _ => null,
    };

    private void Count(string kind) => _errors[kind] = _errors.GetValueOrDefault(kind) + 1;

    public void Dispose() => _client.Dispose();
}
