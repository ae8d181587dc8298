using System.Text.Json;
using BlendSign.Data.Audit;
using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using BlendSign.Model.Training;
using BlendSign.Web.Layout.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// Progress of a run trained in this process arrives through the notifier; of one trained by a worker elsewhere, by
/// polling its row (and its progress.json on the shared runs path).
/// </summary>
public partial class TrainingPage
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _polling = new();
    private List<TrainingRun> _runs = [];
    private Dictionary<int, string> _resumeNotes = [];
    private SelectedRun? _selected;
    private LossHistory _history = LossHistory.Empty;
    private string? _liveMessage;
    private IDisposable? _subscription;
    private int _folds;
    private int _epochs;
    private int _imageSize;
    private int _seed;
    private string _backbone = "";
    private bool _detection;
    private bool _distillation;
    private bool _starting;
    private string? _formError;
    private DateTime _lastRefresh;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IDbContextFactory<BlendSignDbContext> DbFactory { get; set; } = default!;

    [Inject]
    private TrainingRunQueue Runs { get; set; } = default!;

    [Inject]
    private TrainingProgressNotifier Notifier { get; set; } = default!;

    [Inject]
    private RunHistoryStore Histories { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // The configured defaults (BlendSign:Training, TrainingLimits where unset), as the train verb takes them.
        var defaults = Runs.DefaultSettings;
        (_folds, _epochs, _imageSize, _seed) = (defaults.Folds, defaults.Epochs, defaults.ImageSize, defaults.Seed);
        (_backbone, _detection, _distillation) = (defaults.Backbone, defaults.Detection, defaults.Distillation);
        _subscription = Notifier.Subscribe(OnProgress);
        await RefreshAsync();
        if ((_runs.FirstOrDefault(r => r.Status == TrainingRunStatus.Running) ?? _runs.FirstOrDefault(r => r.Status == TrainingRunStatus.Completed)) is { } first)
        {
            Select(first);
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = PollAsync(_polling.Token);
        }
    }

    /// <summary>A worker on another node writes to the run rows, so they are re-read every couple of seconds while a run is queued or running.</summary>
    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(PollInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await PollOnceAsync(cancellationToken);
                }
                catch (Exception exception) when (DatabaseFailure.Is(exception))
                {
                    // The database is restarting, say: the next tick tries again.
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // The page closed (or its circuit went away) between two ticks.
        }
    }

    private async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        if (!_runs.Any(r => r.Status is TrainingRunStatus.Queued or TrainingRunStatus.Running)
            && !await AnyActiveRunAsync(cancellationToken))
        {
            return;
        }

        await InvokeAsync(async () =>
        {
            await RefreshAsync();
            if (_selected is null && _runs.FirstOrDefault(r => r.Status == TrainingRunStatus.Running) is { } running)
            {
                Select(running);
            }

            StateHasChanged();
        });
    }

    private async Task<bool> AnyActiveRunAsync(CancellationToken cancellationToken)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TrainingRuns.AnyAsync(r => r.Status == TrainingRunStatus.Queued || r.Status == TrainingRunStatus.Running, cancellationToken);
    }

    private void OnProgress(TrainingProgressUpdate update)
    {
        // Called on the training thread; at most a few refreshes a second, and always the final one.
        var final = update.Status is not (TrainingRunStatus.Running or TrainingRunStatus.Queued) || update.Progress is null;
        if (!final && DateTime.UtcNow - _lastRefresh < TimeSpan.FromMilliseconds(500))
        {
            return;
        }

        _lastRefresh = DateTime.UtcNow;
        _ = InvokeAsync(async () =>
        {
            await RefreshAsync();
            var run = _runs.FirstOrDefault(r => r.Id == update.RunId);
            if (run is not null && (_selected is null || _selected.Run.Id == update.RunId || _selected.Run.Status != TrainingRunStatus.Running))
            {
                Select(run);
                _liveMessage = update.Status == TrainingRunStatus.Running ? update.Message : null;
            }

            StateHasChanged();
        });
    }

    private async Task RefreshAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        _runs = await db.TrainingRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(50).ToListAsync();
        _resumeNotes = _runs.Where(r => r.ResumeCount > 0)
            .Select(r => (r.Id, Note: Histories.Get(r.Id).Resumes.LastOrDefault()))
            .Where(x => x.Note is not null)
            .ToDictionary(x => x.Id, x => x.Note!.Describe());
        if (_selected is not null && _runs.FirstOrDefault(r => r.Id == _selected.Run.Id) is { } current)
        {
            Select(current);
        }
    }

    private TrainingSettings? FormSettings()
    {
        var settings = Runs.DefaultSettings with
        {
            Folds = _folds,
            Epochs = _epochs,
            ImageSize = _imageSize,
            Seed = _seed,
            Backbone = _backbone,
            Detection = _detection,
            Distillation = _distillation,
        };
        var problems = settings.Validate();
        _formError = problems.Count > 0 ? string.Join(" ", problems) : null;
        return problems.Count > 0 ? null : settings;
    }

    private Task StartAsync() => QueueAsync((settings, actor) => Runs.QueueAsync(settings, actor: actor));

    private Task StartAblationAsync() => QueueAsync((settings, actor) => Runs.QueueAblationAsync(settings, actor: actor));

    private async Task QueueAsync(Func<TrainingSettings, AuditActor, Task> queue)
    {
        if (FormSettings() is not { } settings)
        {
            return;
        }

        _starting = true;
        try
        {
            await queue(settings, (await AuthenticationState).User.ToAuditActor());
            await RefreshAsync();
        }
        catch (TrainingSetException refused)
        {
            _formError = refused.Message;
        }
        finally
        {
            _starting = false;
        }
    }

    private async Task CancelAsync(int runId)
    {
        await Runs.RequestCancelAsync(runId);
        await RefreshAsync();
    }

    private void OnRowClick(TableRowClickEventArgs<TrainingRun> e)
    {
        if (e.Item is { } run)
        {
            _liveMessage = null;
            Select(run);
        }
    }

    private void Select(TrainingRun run)
    {
        _selected = new SelectedRun(run, TrainingReport.Read(run));
        _history = Histories.Get(run.Id);
    }

    private static string SettingsText(TrainingRun run)
    {
        try
        {
            var s = JsonSerializer.Deserialize<TrainingSettings>(run.ConfigurationJson, TrainingJson.Options);
            return s is null ? "" : $"{s.Backbone}, {TrainingFormat.Count(s.Folds, "fold")}, {TrainingFormat.Count(s.Epochs, "epoch")}, {s.ImageSize} px, " +
                $"{(s.Detection ? "AT" : "no AT")}, {(s.Distillation ? "SKD" : "no SKD")}, seed {s.Seed}";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static Color StatusColor(TrainingRunStatus status) => status switch
    {
        TrainingRunStatus.Completed => Color.Success,
        TrainingRunStatus.Running => Color.Info,
        TrainingRunStatus.Failed or TrainingRunStatus.Diverged => Color.Error,
        TrainingRunStatus.Cancelled => Color.Warning,
        _ => Color.Default,
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        _polling.Cancel();
        _polling.Dispose();
    }

    private sealed record SelectedRun(TrainingRun Run, TrainingReport? Report);
}
