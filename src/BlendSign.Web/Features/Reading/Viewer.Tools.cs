using BlendSign.Data.Reading;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace BlendSign.Web.Features.Reading;

/// <summary>
/// The reading tools of slice-view.js: windowing, measuring, cine and the blend-sign helper. Drags and measurements
/// stay in the browser; .NET hears only their results (a window after the drag, a helper the reader attaches).
/// </summary>
public partial class Viewer
{
    public const string ViewModule = "./js/slice-view.js";

    private const int CineFramesPerSecond = 10;

    private IJSObjectReference? _viewModule;
    private IJSObjectReference? _view;
    private int _viewScanId;
    private string _tool = ViewerKeys.DefaultTool;
    private bool _smooth;
    private bool _cine;
    private int? _typedWidth;
    private int? _typedLevel;

    private async Task AttachViewAsync()
    {
        _viewScanId = _session!.Scan.ScanId;
        _viewModule ??= await JS.InvokeAsync<IJSObjectReference>("import", ViewModule);
        var slices = _session!.Scan.Slices.Select(s => new { sop = s.SopInstanceUid }).ToList();
        _view = await _viewModule.InvokeAsync<IJSObjectReference>("attach", _stageElement, _viewerElement, _selfReference, slices, _window);
        await _view.InvokeVoidAsync("setInterpolation", _smooth);
    }

    /// <summary>The page was reused for another scan: the view gets that scan's slices.</summary>
    private async Task ReattachViewIfTheScanChangedAsync()
    {
        if (_view is not null && _session is not null && _viewScanId != _session.Scan.ScanId)
        {
            await _view.InvokeVoidAsync("dispose");
            await _view.DisposeAsync();
            _view = null;
            await AttachViewAsync();
        }
    }

    private async Task DisposeViewAsync()
    {
        if (_view is not null)
        {
            await _view.InvokeVoidAsync("dispose");
            await _view.DisposeAsync();
        }

        if (_viewModule is not null)
        {
            await _viewModule.DisposeAsync();
        }
    }

    private async Task SetWindowAsync(string name)
    {
        _window = name;
        if (_view is not null)
        {
            await _view.InvokeVoidAsync("setPreset", name);
        }
    }

    private async Task ApplyTypedWindowAsync()
    {
        if (_view is not null && _typedWidth is >= 1 && _typedLevel is { } level)
        {
            _window = "";
            await _view.InvokeVoidAsync("setWindow", level, _typedWidth.Value);
            await _viewerElement.FocusAsync();
        }
    }

    private async Task SelectToolAsync(string tool)
    {
        _tool = tool;
        if (_editor is not null && _view is not null)
        {
            await _editor.InvokeVoidAsync("setTool", tool);
            await _view.InvokeVoidAsync("setTool", tool);
        }
    }

    private async Task PixelTrueAsync()
    {
        if (_editor is not null)
        {
            await _editor.InvokeVoidAsync("pixelTrue");
        }
    }

    private async Task ToggleInterpolationAsync()
    {
        _smooth = !_smooth;
        if (_view is not null)
        {
            await _view.InvokeVoidAsync("setInterpolation", _smooth);
        }
    }

    private async Task ToggleCineAsync()
    {
        if (_view is not null)
        {
            _cine = await _view.InvokeAsync<bool>("toggleCine", CineFramesPerSecond);
        }
    }

    private async Task ClearMeasurementsAsync()
    {
        if (_view is not null)
        {
            await _view.InvokeVoidAsync("clearMeasurements");
        }
    }

    private async Task AttachBlendSignAsync()
    {
        if (_view is not null)
        {
            await _view.InvokeVoidAsync("attachHelper");
        }
    }

    /// <summary>slice-view.js: a window drag ended; the typed fields show where it left the window.</summary>
    [JSInvokable]
    public Task OnWindowDragged(double level, double width)
    {
        _window = "";
        _typedLevel = (int)Math.Round(level);
        _typedWidth = (int)Math.Round(width);
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>slice-view.js: one cine step; the last slice wraps to the first.</summary>
    [JSInvokable]
    public Task OnCineStep()
    {
        if (_session is { Scan.Slices.Count: > 0 } session)
        {
            session.MoveTo(session.Index == session.Scan.Slices.Count - 1 ? 0 : session.Index + 1);
            StateHasChanged();
        }

        return Task.CompletedTask;
    }

    /// <summary>measure-tools.js: the reader attaches the helper's two ROI means to their read of that slice.</summary>
    [JSInvokable]
    public async Task OnBlendSignMeasured(string sopInstanceUid, double meanA, double meanB)
    {
        if (_session is not null && _session.Current.SopInstanceUid == sopInstanceUid)
        {
            await _session.AttachBlendSignAsync(new BlendSignMeasurement(meanA, meanB));
        }

        StateHasChanged();
    }
}
