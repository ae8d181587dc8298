using Microsoft.JSInterop;

namespace BlendSign.Web.Features.Reading;

/// <summary>What slice-view.js, measure-tools.js and box-editor.js report; box gestures go on to the <see cref="SliceView.Host"/>.</summary>
public partial class SliceView
{
    /// <summary>slice-view.js: a window drag ended; the typed fields show where it left the window.</summary>
    [JSInvokable]
    public Task OnWindowDragged(double level, double width)
    {
        Window = "";
        TypedLevel = (int)Math.Round(level);
        TypedWidth = (int)Math.Round(width);
        return OnChange.InvokeAsync();
    }

    /// <summary>box-editor.js: the zoom or the fitted width changed (box handles keep their size on screen).</summary>
    [JSInvokable]
    public Task OnViewChanged(double zoom, double displayWidth)
    {
        Zoom = zoom;
        DisplayWidth = displayWidth > 0 ? displayWidth : DisplayWidth;
        return OnChange.InvokeAsync();
    }

    [JSInvokable]
    public Task OnCineStep() => Host?.OnCineStep() ?? Task.CompletedTask;

    [JSInvokable]
    public Task OnBlendSignMeasured(string sopInstanceUid, double meanA, double meanB) =>
        Host?.OnBlendSignMeasured(sopInstanceUid, meanA, meanB) ?? Task.CompletedTask;

    [JSInvokable]
    public Task OnBoxDrawn(double left, double top, double right, double bottom) =>
        Host?.OnBoxDrawn(left, top, right, bottom) ?? Task.CompletedTask;

    [JSInvokable]
    public Task OnBoxChanged(int boxId, double left, double top, double right, double bottom, double centerX, double centerY) =>
        Host?.OnBoxChanged(boxId, left, top, right, bottom, centerX, centerY) ?? Task.CompletedTask;

    [JSInvokable]
    public Task OnBoxSelected(int? boxId) => Host?.OnBoxSelected(boxId) ?? Task.CompletedTask;

    private async Task DetachViewAsync()
    {
        if (_view is not null)
        {
            await _view.InvokeVoidAsync("dispose");
            await _view.DisposeAsync();
            _view = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        try
        {
            await DetachViewAsync();
            if (_editor is not null)
            {
                await _editor.InvokeVoidAsync("dispose");
                await _editor.DisposeAsync();
            }

            foreach (var module in new[] { _viewModule, _editorModule })
            {
                if (module is not null)
                {
                    await module.DisposeAsync();
                }
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone with the page; nothing to detach.
        }

        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
