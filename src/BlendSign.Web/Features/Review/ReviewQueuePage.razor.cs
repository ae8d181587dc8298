using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Review;
using BlendSign.Data.Training;
using BlendSign.Web.Features.Gold;
using BlendSign.Web.Features.Reading;
using BlendSign.Web.Layout.Account;
using BlendSign.Web.Layout.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace BlendSign.Web.Features.Review;

public partial class ReviewQueuePage
{
    /// <summary>Raters' boxes in <see cref="RaterColors"/>, as in the adjudication view; consensus boxes in white.</summary>
    private const string ConsensusColor = "#ffffff";
    private const string ModelColor = "#00e5ff";

    private ReviewQueue? _queue;
    private bool _loading = true;
    private int _index;
    private bool _busy;
    private bool _changing;
    private HemorrhageClass? _changeTo;
    private string? _reason;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private bool _gradCam;
    private bool _modelBoxesShown = true;

    /// <summary>The model's boxes per slice (SOP Instance UID) of the queue's run, computed once per slice when first shown.</summary>
    private readonly Dictionary<string, ModelBoxes> _modelBoxes = new(StringComparer.Ordinal);
    private bool _modelBoxesLoading;
    private bool _focusReason;
    private bool _interactive;
    private bool _caseFocusedOnce;
    private bool _chanceConfirmed;
    private bool _focusCase;
    private bool _viewLive;
    private readonly Stack<(int DecisionId, string Sop)> _undo = new();
    private ElementReference _caseElement;
    private ElementReference _reasonElement;
    private SliceView? _view;
    private AuditActor? _actor;

    [Inject]
    private ReviewQueueService Queues { get; set; } = default!;

    [Inject]
    private ReviewDecisionService Decisions { get; set; } = default!;

    [Inject]
    private ModelBoxService ModelBoxService { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The run to review; default: the latest completed run.</summary>
    [SupplyParameterFromQuery(Name = "run")]
    public int? RunId { get; set; }

    private ReviewItem? Current => _queue is { Items.Count: > 0 } q ? q.Items[Math.Clamp(_index, 0, q.Items.Count - 1)] : null;

    private string WindowName => _view is null ? ViewerKeys.Windows[0].Name : _view.Window.Length > 0 ? _view.Window : "custom";

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _actor = new AuditActor(user.RequireUserId(), user.Identity?.Name ?? "reviewer", AuditSources.Review);
        await ReloadAsync(null);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }

        // Keys work as soon as the page is live, without a click first: the case takes the focus in the first live
        // render that shows it (the queue may still be computing at the first render).
        if (_interactive && !_caseFocusedOnce && _queue is not null && Current is not null)
        {
            _caseFocusedOnce = true;
            await _caseElement.FocusIfRenderedAsync();
        }

        if (_focusReason)
        {
            _focusReason = false;
            await _reasonElement.FocusIfRenderedAsync();
        }
        else if (_focusCase)
        {
            _focusCase = false;
            await _caseElement.FocusIfRenderedAsync();
        }

        await LoadModelBoxesAsync();
    }

    /// <summary>Once the view is attached (its first render may come after the page's): the case keeps the keys.</summary>
    private void OnViewChanged()
    {
        if (!_viewLive && _view?.Live == true)
        {
            _viewLive = true;
            _focusCase = !_changing;
        }
    }

    /// <summary>After a render that shows a slice whose model boxes are not known yet: compute them, then render again.</summary>
    private async Task LoadModelBoxesAsync()
    {
        if (_modelBoxesLoading || _queue is null || Current is not { } item || _modelBoxes.ContainsKey(item.Slice.SopInstanceUid))
        {
            return;
        }

        _modelBoxesLoading = true;
        try
        {
            _modelBoxes[item.Slice.SopInstanceUid] = await ModelBoxService.DetectAsync(_queue.Run.RunId, item.Slice.SopInstanceUid, CancellationToken.None);
        }
        finally
        {
            _modelBoxesLoading = false;
        }

        StateHasChanged();
    }

    private async Task ReloadAsync(string? selectSop)
    {
        var runBefore = _queue?.Run.RunId;
        _queue = await Queues.BuildAsync(RunId ?? runBefore);
        if (_queue?.Run.RunId != runBefore)
        {
            _modelBoxes.Clear();
        }

        _loading = false;
        var items = _queue?.Items ?? [];
        var found = selectSop is null ? -1 : items.ToList().FindIndex(i => i.Slice.SopInstanceUid == selectSop);
        _index = found >= 0 ? found : Math.Clamp(_index, 0, Math.Max(0, items.Count - 1));
    }

    private void Select(int index)
    {
        _index = index;
        CancelChange();
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.CtrlKey || e.AltKey || e.MetaKey || _busy)
        {
            return;
        }

        var (command, label) = ReviewKeys.Map(e.Key, _changing && _changeTo is null);
        switch (command)
        {
            case ReviewCommand.Keep:
                await KeepAsync();
                break;
            case ReviewCommand.StartChange:
                StartChange();
                break;
            case ReviewCommand.PickClass:
                PickClass(label!.Value);
                break;
            case ReviewCommand.Reread:
                await RereadAsync();
                break;
            case ReviewCommand.Undo:
                await UndoAsync();
                break;
            case ReviewCommand.Cancel:
                CancelChange();
                break;
            case ReviewCommand.Next when _queue is not null && _index < _queue.Items.Count - 1:
                Select(_index + 1);
                break;
            case ReviewCommand.Previous when _index > 0:
                Select(_index - 1);
                break;
            case ReviewCommand.NextWindow when _view is not null:
                await _view.NextWindowAsync();
                break;
            case ReviewCommand.ToggleGradCam:
                _gradCam = !_gradCam;
                break;
            case ReviewCommand.ToggleModelBoxes:
                _modelBoxesShown = !_modelBoxesShown;
                break;
            case ReviewCommand.None when _view is not null:
                await _view.HandleKeyAsync(e.Key);
                break;
        }
    }

    private async Task OnReasonKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SaveChangeAsync();
        }
        else if (e.Key == "Escape")
        {
            CancelChange();
            await _caseElement.FocusIfRenderedAsync();
        }
    }

    private void StartChange()
    {
        _changing = true;
        _changeTo = null;
        _reason = null;
        _message = "Change the gold label: press 1, 2 or 3 for the class, then type the reason and press Enter.";
        _messageSeverity = Severity.Info;
    }

    private void PickClass(HemorrhageClass label)
    {
        if (Current is not { } item || label == item.Slice.GoldLabel)
        {
            _message = $"The gold label is {label.ToWireName()} already: keep it (K) instead.";
            _messageSeverity = Severity.Warning;
            return;
        }

        _changing = true;
        _changeTo = label;
        _focusReason = true;
        _message = $"Change to {label.ToWireName()}: type the reason and press Enter.";
        _messageSeverity = Severity.Info;
    }

    private void CancelChange()
    {
        _changing = false;
        _changeTo = null;
        _reason = null;
    }

    private Task KeepAsync() => DecideAsync(item => Decisions.KeepAsync(item.Run, item.SliceId, _actor!), "kept");

    private Task RereadAsync() => DecideAsync(item => Decisions.RereadAsync(item.Run, item.SliceId, null, _actor!), "sent back for a re-read");

    private async Task SaveChangeAsync()
    {
        if (_changeTo is not { } label)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(_reason))
        {
            _message = "A change needs a reason; nothing was saved.";
            _messageSeverity = Severity.Error;
            return;
        }

        var reason = _reason;
        await DecideAsync(item => Decisions.ChangeAsync(item.Run, item.SliceId, label, reason, _actor!), $"changed to {label.ToWireName()}");
    }

    private async Task DecideAsync(Func<(int Run, int SliceId), Task<ReviewDecisionOutcome>> decide, string what)
    {
        if (Current is not { } item || _queue is null || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var outcome = await decide((_queue.Run.RunId, item.Slice.SliceId));
            if (outcome.Succeeded)
            {
                _undo.Push((outcome.DecisionId!.Value, item.Slice.SopInstanceUid));
                CancelChange();
                _message = $"#{item.Rank} {item.Slice.ScanPseudonym} slice {item.Slice.SliceIndex + 1}: {what} (snapshot #{outcome.Snapshot!.Id}).";
                _messageSeverity = Severity.Success;
                // The decided slice leaves the queue; the one after it takes its place.
                await ReloadAsync(null);
            }
            else
            {
                _message = outcome.Error;
                _messageSeverity = Severity.Error;
            }
        }
        finally
        {
            _busy = false;
        }

        await _caseElement.FocusIfRenderedAsync();
    }

    private async Task UndoAsync()
    {
        if (_busy || !_undo.TryPop(out var last))
        {
            return;
        }

        _busy = true;
        try
        {
            var outcome = await Decisions.UndoAsync(last.DecisionId, _actor!);
            _message = outcome.Succeeded ? "Undid the last decision; the slice is back in the queue." : outcome.Error;
            _messageSeverity = outcome.Succeeded ? Severity.Success : Severity.Error;
            await ReloadAsync(last.Sop);
        }
        finally
        {
            _busy = false;
        }

        await _caseElement.FocusIfRenderedAsync();
    }

    private void ConfirmChanceLevel()
    {
        _chanceConfirmed = true;
        _focusCase = true;
    }

    private async Task RetrainAsync()
    {
        if (_queue is null)
        {
            return;
        }

        int? runId;
        try
        {
            runId = await Queues.RetrainAsync(_queue.Run.RunId, _actor!);
        }
        catch (TrainingSetException refused)
        {
            (_message, _messageSeverity) = (refused.Message, Severity.Warning);
            return;
        }

        _message = runId is { } id
            ? $"Queued run #{id} on the reviewed gold standard with run #{_queue.Run.RunId}'s settings; compare them once it completes: review/compare?before={_queue.Run.RunId}&after={id}"
            : "That run can no longer be retrained.";
        _messageSeverity = runId is null ? Severity.Error : Severity.Success;
    }

    private string? GradCamSource(ReviewItem item) =>
        _gradCam && _queue is not null ? $"/api/runs/{_queue.Run.RunId}/gradcam/{Uri.EscapeDataString(item.Slice.SopInstanceUid)}" : null;

    private static string HowReached(ReviewItem item)
    {
        var slice = item.Slice;
        var reads = slice.Reads.Count(r => r.Label is not null);
        return slice.GoldStatus switch
        {
            GoldStatus.Adjudicated when slice.Adjudication is { } a =>
                $"adjudicated by {a.DecidedByName}{(a.Note is null ? "" : $": “{a.Note}”")}; {slice.Votes} of {reads} raters agree",
            GoldStatus.Adjudicated => $"adjudicated; {slice.Votes} of {reads} raters agree",
            _ => $"{slice.GoldStatus.ToWireName()}, {slice.Votes} of {reads} votes",
        };
    }

    private static IReadOnlyList<(RaterRead Read, string Color)> ReadsOf(ReviewItem item) =>
        item.Slice.Reads.Select((r, i) => (r, RaterColors.Of(i))).ToList();

    private static IReadOnlyList<(RaterBox Box, string Color)> BoxesOf(ReviewItem item) =>
        ReadsOf(item).SelectMany(r => r.Read.Boxes.Select(b => (b, r.Color)))
            .Concat(item.Slice.ConsensusBoxes.Select(b => (new RaterBox("consensus", b.CenterX, b.CenterY, b.Left, b.Top, b.Right, b.Bottom), ConsensusColor)))
            .ToList();

    private IReadOnlyList<(RaterBox Box, string Color, string Caption)> ModelBoxesOf(ReviewItem item) =>
        _modelBoxesShown && _modelBoxes.TryGetValue(item.Slice.SopInstanceUid, out var found)
            ? [.. found.Boxes.Select(b => (new RaterBox("model", b.CenterX, b.CenterY, b.Left, b.Top, b.Right, b.Bottom), ModelColor,
                $"model {b.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}"))]
            : [];

    private string ModelBoxSummary(ReviewItem item) => _modelBoxes.TryGetValue(item.Slice.SopInstanceUid, out var found)
        ? found.Problem ?? (found.Boxes.Count == 0
            ? "no box"
            : $"{found.Boxes.Count} {(found.Boxes.Count == 1 ? "box" : "boxes")} ({string.Join(", ", found.Boxes.Select(b => b.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))})")
        : "boxes…";
}
