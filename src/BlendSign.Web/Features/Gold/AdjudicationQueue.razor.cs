using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Web.Features.Reading;
using BlendSign.Web.Layout.Account;
using BlendSign.Web.Layout.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace BlendSign.Web.Features.Gold;

public partial class AdjudicationQueue
{
    private IReadOnlyList<SliceGold>? _queue;
    private int _index;
    private string? _note;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private GoldSnapshotSummary? _snapshot;
    private bool _busy;
    private ElementReference _caseElement;
    private ElementReference _freezeReasonElement;
    private bool _freezing;
    private bool _focusFreezeReason;
    private string? _freezeReason;
    private AuditActor? _actor;

    [Inject]
    private AdjudicationService Adjudications { get; set; } = default!;

    [Inject]
    private GoldSnapshotService Snapshots { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private SliceGold? Current => _queue is { Count: > 0 } queue ? queue[Math.Clamp(_index, 0, queue.Count - 1)] : null;

    private int Undecided => _queue?.Count(s => s.Adjudication is null) ?? 0;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _actor = new AuditActor(user.RequireUserId(), user.Identity?.Name ?? "lead", AuditSources.Ui);
        await ReloadAsync(null);
        _snapshot = await Snapshots.LatestAsync();
    }

    private async Task ReloadAsync(string? keepSop)
    {
        _queue = await Adjudications.QueueAsync();
        var kept = keepSop is null ? -1 : _queue.ToList().FindIndex(s => s.SopInstanceUid == keepSop);
        _index = kept >= 0 ? kept : Math.Max(0, _queue.ToList().FindIndex(s => s.Adjudication is null));
    }

    private void Select(int index)
    {
        _index = index;
        _note = Current?.Adjudication?.Note;
        _message = null;
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (ViewerKeys.Classes.FirstOrDefault(c => c.Key == e.Key) is { } option)
        {
            await DecideAsync(option.Class);
            return;
        }

        if (e.Key is "ArrowDown" or "ArrowRight" && _queue is not null && _index < _queue.Count - 1)
        {
            Select(_index + 1);
        }
        else if (e.Key is "ArrowUp" or "ArrowLeft" && _index > 0)
        {
            Select(_index - 1);
        }
    }

    private async Task DecideAsync(HemorrhageClass label)
    {
        if (Current is not { } current || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var outcome = await Adjudications.DecideAsync(current.SliceId, label, _note, _actor!);
            Report(outcome, $"{current.ScanPseudonym} slice {current.SliceIndex + 1}: {label.ToWireName()}.");
            if (outcome.Succeeded)
            {
                _note = null;
                await ReloadAsync(null);
            }
        }
        finally
        {
            _busy = false;
        }

        await _caseElement.FocusIfRenderedAsync();
    }

    private async Task WithdrawAsync()
    {
        if (Current is not { } current || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var outcome = await Adjudications.WithdrawAsync(current.SliceId, _actor!);
            Report(outcome, $"{current.ScanPseudonym} slice {current.SliceIndex + 1}: decision withdrawn, back to the raters' vote.");
            await ReloadAsync(current.SopInstanceUid);
        }
        finally
        {
            _busy = false;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusFreezeReason)
        {
            _focusFreezeReason = false;
            await _freezeReasonElement.FocusIfRenderedAsync();
        }
    }

    private void AskFreeze()
    {
        _freezing = true;
        _freezeReason = null;
        _focusFreezeReason = true;
    }

    private async Task OnFreezeKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await FreezeAsync();
        }
        else if (e.Key == "Escape")
        {
            _freezing = false;
        }
    }

    private async Task FreezeAsync()
    {
        if (string.IsNullOrWhiteSpace(_freezeReason))
        {
            return;
        }

        _freezing = false;
        _snapshot = await Snapshots.CreateAsync($"{GoldSnapshotService.FreezeReason}: {_freezeReason.Trim()}", _actor!);
        _messageSeverity = Severity.Success;
        _message = _snapshot.Created
            ? $"Froze the gold standard as snapshot #{_snapshot.Id}."
            : $"Nothing changed since snapshot #{_snapshot.Id}; no new snapshot.";
    }

    private void Report(AdjudicationOutcome outcome, string success)
    {
        _messageSeverity = outcome.Succeeded ? Severity.Success : Severity.Error;
        _message = outcome.Succeeded ? $"{success} Snapshot #{outcome.Snapshot!.Id}." : outcome.Error;
        if (outcome.Snapshot is not null)
        {
            _snapshot = outcome.Snapshot;
        }
    }

    private static IReadOnlyList<(RaterRead Read, string Color)> ReadsOf(SliceGold slice) =>
        slice.Reads.Select((r, i) => (r, RaterColors.Of(i))).ToList();

    private static IReadOnlyList<(RaterBox Box, string Color)> BoxesOf(SliceGold slice) =>
        ReadsOf(slice).SelectMany(r => r.Read.Boxes.Select(b => (b, r.Color))).ToList();
}
