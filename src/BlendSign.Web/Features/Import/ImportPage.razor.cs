using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using BlendSign.Data.Import;
using BlendSign.Data.Import.DicomWeb;
using BlendSign.Data.Persistence;
using BlendSign.Web.Layout.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace BlendSign.Web.Features.Import;

public partial class ImportPage
{
    public const string UploadModule = "./js/import-upload.js";
    private const string AllVerdicts = "all";
    private const long RenderIntervalMilliseconds = 250;

    private ElementReference _dropZone;
    private ElementReference _filesInput;
    private ElementReference _folderInput;
    private IJSObjectReference? _module;
    private IJSObjectReference? _uploader;
    private DotNetObjectReference<ImportPage>? _self;
    private IDisposable? _subscription;
    private bool _assumeCt;
    private bool _acceptBurnedIn;
    private UploadState? _upload;
    private string? _uploadError;
    private string _pacsUrl = "";
    private string? _pacsUser;
    private string? _pacsPassword;
    private string? _since;
    private bool _searching;
    private string? _pacsError;
    private DicomWebClient? _client;
    private IReadOnlyList<SeriesRow>? _series;
    private HashSet<SeriesRow> _selected = [];
    private ImportJob? _job;
    private string _filter = AllVerdicts;
    private long _lastRender;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ImportJobs Jobs { get; set; } = default!;

    [Inject]
    private DicomWebImporter DicomWeb { get; set; } = default!;

    [Inject]
    private IDbContextFactory<BlendSignDbContext> DbFactory { get; set; } = default!;

    [Inject]
    private IOptions<ImportUploadOptions> UploadOptions { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private long UploadLimitMegabytes => UploadOptions.Value.MaxUploadMegabytes;

    private bool JobRunning => _job?.State == ImportJobState.Running;

    protected override void OnInitialized()
    {
        _subscription = Jobs.Subscribe(OnJobChanged);
        // Back on the page while an import runs (any lead's): show it.
        _job = Jobs.Recent().FirstOrDefault(j => j.State == ImportJobState.Running);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", UploadModule);
            _uploader = await _module.InvokeAsync<IJSObjectReference>("attach", _dropZone, _filesInput, _folderInput, _self);
        }
    }

    [JSInvokable]
    public Task OnUploadStarted(int files) => InvokeAsync(() =>
    {
        _uploadError = null;
        _upload = new UploadState(files, 0, 0);
        StateHasChanged();
    });

    [JSInvokable]
    public Task OnUploadProgress(long loaded, long total) => InvokeAsync(() =>
    {
        if (_upload is { } upload)
        {
            _upload = upload with { Loaded = loaded, Total = total };
            StateHasChanged();
        }
    });

    [JSInvokable]
    public Task OnUploadFinished(int status, string body) => InvokeAsync(() =>
    {
        _upload = null;
        var answer = Parse(body);
        if (status == 202 && answer.Job is { } id && Jobs.Find(id) is { } job)
        {
            _job = job;
            _filter = AllVerdicts;
        }
        else
        {
            _uploadError = answer.Error ?? (status == 0
                ? "The upload broke off (connection lost or cancelled); nothing was imported."
                : $"The server refused the upload (HTTP {status}); nothing was imported.");
        }

        StateHasChanged();
    });

    private void OnJobChanged(ImportJob job)
    {
        if (!ReferenceEquals(job, _job))
        {
            return;
        }

        // Every file reports progress; a few renders a second are enough for a bar, and the end always renders.
        var now = Environment.TickCount64;
        if (job.State == ImportJobState.Running && now - Interlocked.Read(ref _lastRender) < RenderIntervalMilliseconds)
        {
            return;
        }

        Interlocked.Exchange(ref _lastRender, now);
        _ = InvokeAsync(StateHasChanged);
    }

    private async Task SearchAsync()
    {
        _pacsError = null;
        _series = null;
        _selected = [];
        if (!Uri.TryCreate(_pacsUrl.Trim(), UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            _pacsError = "Give the PACS's DICOMweb address as http://host:port/path.";
            return;
        }

        DateOnly? since = null;
        if (!string.IsNullOrWhiteSpace(_since))
        {
            if (!DateOnly.TryParseExact(_since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                _pacsError = "Give the date as YYYY-MM-DD.";
                return;
            }

            since = date;
        }

        var credentials = string.IsNullOrWhiteSpace(_pacsUser) ? null : new DicomWebCredentials(_pacsUser.Trim(), _pacsPassword ?? "");
        _searching = true;
        try
        {
            _client = DicomWeb.CreateClient(root, credentials);
            var found = await _client.SearchSeriesAsync(new DicomWebQuery(root, [], [], since, credentials), ctOnly: !_assumeCt, CancellationToken.None);
            _series = [.. found.Select(s => new SeriesRow(s))];
            _selected = [.. _series];
        }
        catch (DicomWebException exception)
        {
            _pacsError = $"The PACS could not be searched: {exception.Message}.";
        }
        finally
        {
            _searching = false;
        }
    }

    private async Task ImportSelectedAsync()
    {
        if (_client is not { } client || _selected.Count == 0)
        {
            return;
        }

        var series = _series!.Where(_selected.Contains).Select(r => r.Series).ToList();
        var settings = new ImportSettings(_assumeCt, _acceptBurnedIn);
        var source = $"{series.Count} series from {new Uri(_pacsUrl.Trim()).Authority}";
        var actor = (await AuthenticationState).User.ToAuditActor();
        _job = Jobs.Start(source, await UserNameAsync(), async (progress, cancellationToken) =>
        {
            var report = await DicomWeb.ImportAsync(client, series, settings, progress, cancellationToken);
            await ImportAudit.RecordAsync(DbFactory, actor, $"DICOMweb: {series.Count} series", report, cancellationToken);
            return report;
        });
        _filter = AllVerdicts;
    }

    private async Task<string> UserNameAsync() =>
        (await AuthenticationState).User.FindFirstValue(ClaimTypes.Name) ?? "unknown";

    private IEnumerable<ImportItem> Verdicts(ImportReport report) => _filter == AllVerdicts
        ? report.Items
        : report.Items.Where(i => ImportVerdicts.WireName(i.Status) == _filter);

    private static (string? Job, string? Error) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return (root.TryGetProperty("job", out var job) ? job.GetString() : null,
                root.TryGetProperty("error", out var error) ? error.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string UploadText(UploadState upload) => upload.Total == 0
        ? $"Uploading {upload.Files} {(upload.Files == 1 ? "file" : "files")}…"
        : string.Create(CultureInfo.InvariantCulture,
            $"Uploading {upload.Files} {(upload.Files == 1 ? "file" : "files")}: {upload.Loaded / 1048576.0:F1} of {upload.Total / 1048576.0:F1} MB");

    private static double UploadPercent(UploadState upload) => upload.Total == 0 ? 0 : 100.0 * upload.Loaded / upload.Total;

    private static double JobPercent(ImportJob job) =>
        job.Progress is { FilesExpected: > 0 and var total, FilesSeen: var seen } ? Math.Min(100, 100.0 * seen / total) : 0;

    private static string ProgressText(ImportJob job, ImportProgress progress)
    {
        var of = progress.FilesExpected is { } total ? $" of {total}" : "";
        var eta = job.State == ImportJobState.Running && job.Remaining is { } left ? $" · about {FormatDuration(left)} left" : "";
        var files = progress.FilesSeen == 1 && progress.FilesExpected is null or 1 ? "file" : "files";
        var duplicates = progress.Duplicates == 1 ? "duplicate" : "duplicates";
        return $"{progress.FilesSeen}{of} {files}: {progress.Imported} imported, {progress.Duplicates} {duplicates}, {progress.Rejected} rejected{eta}";
    }

    private static string FormatDuration(TimeSpan time) => time.TotalMinutes >= 1
        ? $"{(int)time.TotalMinutes} min {time.Seconds} s"
        : $"{Math.Max(1, (int)Math.Ceiling(time.TotalSeconds))} s";

    private static string StateName(ImportJobState state) => state switch
    {
        ImportJobState.Running => "importing",
        ImportJobState.Completed => "done",
        ImportJobState.Cancelled => "cancelled",
        _ => "failed",
    };

    private static Color StateColor(ImportJobState state) => state switch
    {
        ImportJobState.Running => Color.Info,
        ImportJobState.Completed => Color.Success,
        ImportJobState.Cancelled => Color.Warning,
        _ => Color.Error,
    };

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        try
        {
            if (_uploader is not null)
            {
                await _uploader.InvokeVoidAsync("dispose");
                await _uploader.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; its objects went with it.
        }

        _self?.Dispose();
    }

    private sealed record SeriesRow(DicomWebSeries Series);

    private sealed record UploadState(int Files, long Loaded, long Total);
}
