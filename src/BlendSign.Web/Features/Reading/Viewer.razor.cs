using BlendSign.Data.Labels;
using BlendSign.Data.Reading;
using BlendSign.Web.Layout.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;

namespace BlendSign.Web.Features.Reading;

/// <summary>
/// Every change is saved at once through <see cref="ViewerSession"/>; the <see cref="SliceView"/> draws the slices and
/// reports box gestures, in original slice pixels, to the <see cref="ISliceViewHost"/> methods below.
/// </summary>
public partial class Viewer : ISliceViewHost, IDisposable
{
    private const int CineFramesPerSecond = 10;

    private ViewerSession? _session;
    private IReadOnlyList<string> _sops = [];
    private IReadOnlyList<ReadingWarning> _warnings = [];
    private bool _notFound;
    private ElementReference _viewerElement;
    private SliceView? _view;
    private bool _focusPending = true;

    [Parameter]
    public int ScanId { get; set; }

    [SupplyParameterFromQuery(Name = "slice")]
    public int? StartSlice { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ReadingService Reading { get; set; } = default!;

    [Inject]
    private ILogger<Viewer> Logger { get; set; } = default!;

    internal ViewerSession? Session => _session;

    // False while the page is only prerendered: keys and pointers do nothing until the circuit (and the view) is live.
    private bool Interactive => _view?.Live == true;

    protected override async Task OnParametersSetAsync()
    {
        var reader = (await AuthenticationState).User.ToReader();
        var scan = await Reading.OpenScanAsync(ScanId, reader);
        _notFound = scan is null;
        _session?.Dispose();
        _session = scan is null ? null : new ViewerSession(Reading, reader, scan);
        _sops = scan is null ? [] : [.. scan.Slices.Select(s => s.SopInstanceUid)];
        if (_session is { Scan.Slices.Count: > 0 })
        {
            _session.MoveTo(StartSlice is { } start ? start - 1 : _session.FirstUnlabeledIndex);
        }

        Refresh();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_session is not { Scan.Slices.Count: > 0 })
        {
            return;
        }

        if (_focusPending)
        {
            _focusPending = false;
            await _viewerElement.FocusAsync();
        }
    }

    // One switch over every key of ViewerKeys.Legend, in its order, so the two are checked side by side: longer than 60 lines.
    private async Task OnKeyDown(KeyboardEventArgs e)
    {
        if (_session is null || _view is null || !Interactive)
        {
            return;
        }

        var key = e.Key.Length == 1 ? e.Key.ToLowerInvariant() : e.Key;
        if (e.CtrlKey || e.MetaKey)
        {
            if (key == "z")
            {
                await UndoAsync();
            }

            return;
        }

        switch (key)
        {
            case "1" or "2" or "3":
                await LabelAsync(ViewerKeys.Classes[key[0] - '1'].Class);
                break;
            case "ArrowRight" or "ArrowDown" or "PageDown":
                await MoveAsync(1);
                break;
            case "ArrowLeft" or "ArrowUp" or "PageUp":
                await MoveAsync(-1);
                break;
            case "Home":
                await JumpAsync(0);
                break;
            case "End":
                await JumpAsync(_session.Scan.Slices.Count - 1);
                break;
            case "c":
                await ToggleCineAsync();
                break;
            case "m":
                await AttachBlendSignAsync();
                break;
            case "Delete" or "Backspace":
                await DeleteSelectedAsync();
                break;
            case "Escape":
                SelectBox(null);
                break;
            case "u":
                await UndoAsync();
                break;
            default:
                await _view.HandleKeyAsync(key);
                break;
        }
    }

    private Task OnWheel(WheelEventArgs e) => e.CtrlKey || e.DeltaY == 0 ? Task.CompletedTask : MoveAsync(Math.Sign(e.DeltaY));

    private Task MoveAsync(int step)
    {
        _session?.Move(step);
        return Task.CompletedTask;
    }

    private Task JumpAsync(int index)
    {
        _session?.MoveTo(index);
        return Task.CompletedTask;
    }

    private async Task LabelAsync(HemorrhageClass label)
    {
        // The buttons are shown to assigned raters only, but the service decides (and refuses with a reason).
        if (_session is null)
        {
            return;
        }

        var slice = _session.Current;
        if (await _session.LabelAsync(label, advance: true))
        {
            Logger.LogInformation("Label {Label} saved for slice {SliceIndex} of {Scan}", label.ToWireName(), slice.SliceIndex, _session.Scan.PseudonymousId);
        }

        Refresh();
    }

    private void SelectBox(int? boxId) => _session?.Select(boxId);

    private async Task DeleteSelectedAsync()
    {
        if (_session is not null && await _session.DeleteSelectedBoxAsync())
        {
            Refresh();
        }
    }

    private async Task UndoAsync()
    {
        if (_session is not null)
        {
            await _session.UndoAsync();
            Refresh();
        }
    }

    private async Task SetExclusionAsync(ExclusionState? exclusion)
    {
        if (_session is not null)
        {
            await _session.SetExclusionAsync(exclusion);
            await _viewerElement.FocusAsync();
        }
    }

    private Task ToggleCineAsync() => _view?.ToggleCineAsync(CineFramesPerSecond) ?? Task.CompletedTask;

    private Task AttachBlendSignAsync() => _view?.AttachBlendSignAsync() ?? Task.CompletedTask;

    /// <summary>A box was dragged out on the current slice (original pixels); its center starts in the middle.</summary>
    public async Task OnBoxDrawn(double left, double top, double right, double bottom)
    {
        if (_session is not null && await _session.AddBoxAsync(BoxGeometry.Centered(left, top, right, bottom)))
        {
            Refresh();
        }

        StateHasChanged();
    }

    public async Task OnBoxChanged(int boxId, double left, double top, double right, double bottom, double centerX, double centerY)
    {
        if (_session is not null && await _session.UpdateBoxAsync(boxId, new BoxGeometry(left, top, right, bottom, centerX, centerY)))
        {
            Refresh();
        }

        StateHasChanged();
    }

    public Task OnBoxSelected(int? boxId)
    {
        SelectBox(boxId);
        StateHasChanged();
        return Task.CompletedTask;
    }

    public Task OnCineStep()
    {
        if (_session is { Scan.Slices.Count: > 0 } session)
        {
            session.MoveTo(session.Index == session.Scan.Slices.Count - 1 ? 0 : session.Index + 1);
            StateHasChanged();
        }

        return Task.CompletedTask;
    }

    /// <summary>The reader attaches the helper's two ROI means to their read of that slice.</summary>
    public async Task OnBlendSignMeasured(string sopInstanceUid, double meanA, double meanB)
    {
        if (_session is not null && _session.Current.SopInstanceUid == sopInstanceUid)
        {
            await _session.AttachBlendSignAsync(new BlendSignMeasurement(meanA, meanB));
        }

        StateHasChanged();
    }

    private void Refresh() => _warnings = _session is null ? [] : ReadingWarning.For(_session.Scan);

    private static string BoxText(BoxReading box)
    {
        var g = box.Geometry;
        return FormattableString.Invariant($"Box {g.Left:0.#}–{g.Right:0.#} × {g.Top:0.#}–{g.Bottom:0.#}, center ({g.CenterX:0.#}, {g.CenterY:0.#})");
    }

    public void Dispose()
    {
        _session?.Dispose();
        GC.SuppressFinalize(this);
    }
}
