using System.Text.Json;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using BlendSign.Web.Training;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace BlendSign.Web.Components.Pages.Training;

/// <summary>Queue a run on the hosted service, watch its progress live, read its out-of-fold results.</summary>
public partial class TrainingPage
{
    private static readonly IReadOnlyList<string> ClassNames = [.. HemorrhageClassNames.All.Select(c => c.ToWireName())];

    private List<TrainingRun> _runs = [];
    private SelectedRun? _selected;
    private IDisposable? _subscription;
    private int _folds = 3;
    private int _epochs = 1;
    private int _imageSize = 64;
    private int _seed = 42;
    private bool _starting;
    private string? _formError;
    private DateTime _lastRefresh;

    [Inject]
    private IDbContextFactory<BlendSignDbContext> DbFactory { get; set; } = default!;

    [Inject]
    private TrainingRunService Runs { get; set; } = default!;

    [Inject]
    private TrainingProgressNotifier Notifier { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _subscription = Notifier.Subscribe(OnProgress);
        await RefreshAsync();
        if (_runs.FirstOrDefault(r => r.Status == TrainingRunStatus.Completed) is { } latest)
        {
            Select(latest);
        }
    }

    private void OnProgress(TrainingProgressUpdate update)
    {
        // Called on the training thread; at most a few refreshes a second, and always the final one.
        var final = update.Status is not (TrainingRunStatus.Running or TrainingRunStatus.Queued);
        if (!final && DateTime.UtcNow - _lastRefresh < TimeSpan.FromMilliseconds(500))
        {
            return;
        }

        _lastRefresh = DateTime.UtcNow;
        _ = InvokeAsync(async () =>
        {
            await RefreshAsync();
            if (final && update.Status == TrainingRunStatus.Completed && _runs.FirstOrDefault(r => r.Id == update.RunId) is { } run)
            {
                Select(run);
            }

            StateHasChanged();
        });
    }

    private async Task RefreshAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        _runs = await db.TrainingRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(50).ToListAsync();
    }

    private async Task StartAsync()
    {
        var settings = Runs.DefaultSettings with { Folds = _folds, Epochs = _epochs, ImageSize = _imageSize, Seed = _seed };
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            _formError = string.Join(" ", problems);
            return;
        }

        _starting = true;
        _formError = null;
        try
        {
            await Runs.QueueAsync(settings);
            await RefreshAsync();
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
            Select(run);
        }
    }

    private void Select(TrainingRun run)
    {
        var report = run.ResultJson is null ? null : JsonSerializer.Deserialize<TrainingReport>(run.ResultJson, TrainingJson.Options);
        _selected = new SelectedRun(run, report);
    }

    private static string SettingsText(TrainingRun run)
    {
        try
        {
            var settings = JsonSerializer.Deserialize<BlendSign.Model.Training.TrainingSettings>(run.ConfigurationJson, TrainingJson.Options);
            return settings is null ? "" : $"{settings.Backbone}, {settings.Folds} folds, {settings.Epochs} epochs, {settings.ImageSize} px, seed {settings.Seed}";
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
        TrainingRunStatus.Failed => Color.Error,
        TrainingRunStatus.Cancelled => Color.Warning,
        _ => Color.Default,
    };

    public void Dispose() => _subscription?.Dispose();

    private sealed record SelectedRun(TrainingRun Run, TrainingReport? Report);
}
