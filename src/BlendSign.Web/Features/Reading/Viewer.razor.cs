using BlendSign.Data.Labels;
using BlendSign.Data.Reading;
using BlendSign.Web.Layout.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace BlendSign.Web.Features.Reading;

/// <summary>
/// Every change is saved at once through <see cref="ViewerSession"/>; box-editor.js only reports pointer gestures, in
/// original slice pixels, to the <see cref="JSInvokableAttribute"/> methods below. slice-view.js draws the slices from
/// their HU and owns windowing and measuring (Viewer.Tools.cs).
/// </summary>
public partial class Viewer : IAsyncDisposable
{
    public const string EditorModule = "./js/box-editor.js";

    private ViewerSession? _session;
    private IReadOnlyList<ReadingWarning> _warnings = [];
    private bool _notFound;
    private string _window = ViewerKeys.Windows[0].Name;
    private double _zoom = 1;
    private double _displayWidth = 512;
    private ElementReference _viewerElement;
    private ElementReference _stageElement;
    private IJSObjectReference? _module;
    private IJSObjectReference? _editor;
    private DotNetObjectReference<Viewer>? _selfReference;
    private bool _focusPending = true;

    // False while the page is only prerendered: keys and pointers do nothing until the circuit (and the editor) is live.
    private bool _interactive;

    [Parameter]
    public int ScanId { get; set; }

    [SupplyParameterFromQuery(Name = "slice")]
    public int? StartSlice { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ReadingService Reading { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<Viewer> Logger { get; set; } = default!;

    internal ViewerSession? Session => _session;

    protected override async Task OnParametersSetAsync()
    {
        var reader = (await AuthenticationState).User.ToReader();
        var scan = await Reading.OpenScanAsync(ScanId, reader);
        _notFound = scan is null;
        _session?.Dispose();
        _session = scan is null ? null : new ViewerSession(Reading, reader, scan);
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

        if (_editor is null && _module is null)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", EditorModule);
            _selfReference = DotNetObjectReference.Create(this);
            _editor = await _module.InvokeAsync<IJSObjectReference>("attach", _stageElement, _viewerElement, _selfReference);
            await AttachViewAsync();
            _interactive = true;
            StateHasChanged();
        }
        else
        {
            await ReattachViewIfTheScanChangedAsync();
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
        if (_session is null || !_interactive)
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
            case "+" or "=":
                await ZoomAsync(1.25);
                break;
            case "-":
                await ZoomAsync(0.8);
                break;
            case "0":
                await ResetViewAsync();
                break;
            case "p":
                await PixelTrueAsync();
                break;
            case "i":
                await ToggleInterpolationAsync();
                break;
            case "c":
                await ToggleCineAsync();
                break;
            case "x":
                await ClearMeasurementsAsync();
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
                if (ViewerKeys.Windows.FirstOrDefault(w => w.Key == key) is { } window)
                {
                    await SetWindowAsync(window.Name);
                }
                else if (ViewerKeys.Tools.FirstOrDefault(t => t.Key == key) is { } tool)
                {
                    await SelectToolAsync(tool.Name == _tool ? ViewerKeys.DefaultTool : tool.Name);
                }

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

    private async Task ZoomAsync(double factor)
    {
        if (_editor is not null)
        {
            await _editor.InvokeVoidAsync("zoomBy", factor);
        }
    }

    private async Task ResetViewAsync()
    {
        if (_editor is not null)
        {
            await _editor.InvokeVoidAsync("resetView");
        }
    }

    /// <summary>box-editor.js: a box was dragged out on the current slice (original pixels); its center starts in the middle.</summary>
    [JSInvokable]
    public async Task OnBoxDrawn(double left, double top, double right, double bottom)
    {
        if (_session is not null && await _session.AddBoxAsync(BoxGeometry.Centered(left, top, right, bottom)))
        {
            Refresh();
        }

        StateHasChanged();
    }

    [JSInvokable]
    public async Task OnBoxChanged(int boxId, double left, double top, double right, double bottom, double centerX, double centerY)
    {
        if (_session is not null && await _session.UpdateBoxAsync(boxId, new BoxGeometry(left, top, right, bottom, centerX, centerY)))
        {
            Refresh();
        }

        StateHasChanged();
    }

    /// <summary>box-editor.js: a box was clicked (null: the empty image was).</summary>
    [JSInvokable]
    public Task OnBoxSelected(int? boxId)
    {
        SelectBox(boxId);
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>box-editor.js: the zoom or the fitted width changed (handles keep their size on screen).</summary>
    [JSInvokable]
    public Task OnViewChanged(double zoom, double displayWidth)
    {
        _zoom = zoom;
        _displayWidth = displayWidth > 0 ? displayWidth : _displayWidth;
        StateHasChanged();
        return Task.CompletedTask;
    }

    private void Refresh() => _warnings = _session is null ? [] : ReadingWarning.For(_session.Scan);

    private static string BoxText(BoxReading box)
    {
        var g = box.Geometry;
        return FormattableString.Invariant($"Box {g.Left:0.#}–{g.Right:0.#} × {g.Top:0.#}–{g.Bottom:0.#}, center ({g.CenterX:0.#}, {g.CenterY:0.#})");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DisposeViewAsync();
            if (_editor is not null)
            {
                await _editor.InvokeVoidAsync("dispose");
                await _editor.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone with the page; nothing to detach.
        }

        _selfReference?.Dispose();
        _session?.Dispose();
        GC.SuppressFinalize(this);
    }
}
