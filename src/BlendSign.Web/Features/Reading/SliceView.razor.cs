using BlendSign.Data.Gold;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace BlendSign.Web.Features.Reading;

/// <summary>
/// One slice viewer for the rater, the lead and the reviewer: slice-view.js draws the slices from their HU and owns
/// windowing and measuring, box-editor.js zooms, pans and (with a <see cref="Host"/>) edits boxes. Drags stay in the
/// browser; .NET hears only their results. The page keeps the focus and hands the keys it does not use to
/// <see cref="HandleKeyAsync"/>; <see cref="SliceViewTools"/> offers the same tools as buttons.
/// </summary>
public partial class SliceView : IAsyncDisposable
{
    public const string ViewModule = "./js/slice-view.js";
    public const string EditorModule = "./js/box-editor.js";

    private ElementReference _stage;
    private IJSObjectReference? _viewModule;
    private IJSObjectReference? _editorModule;
    private IJSObjectReference? _view;
    private IJSObjectReference? _editor;
    private DotNetObjectReference<SliceView>? _self;
    private IReadOnlyList<string> _attached = [];
    private bool _attaching;
    private bool _disposed;

    /// <summary>The SOP Instance UIDs the view may show (a scan's, or just one); <see cref="Index"/> is the current.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<string> Slices { get; set; } = [];

    [Parameter]
    public int Index { get; set; }

    [Parameter]
    public int Columns { get; set; } = 512;

    [Parameter]
    public int Rows { get; set; } = 512;

    [Parameter]
    public string Label { get; set; } = "Slice";

    /// <summary>Extra classes of the stage (e.g. a fixed size beside a panel).</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>With a <see cref="Host"/>: the Box tool draws and edits the host's boxes.</summary>
    [Parameter]
    public bool Editable { get; set; }

    [Parameter]
    public ISliceViewHost? Host { get; set; }

    /// <summary>Read-only boxes, one colour each.</summary>
    [Parameter]
    public IReadOnlyList<(RaterBox Box, string Color)> Boxes { get; set; } = [];

    /// <summary>Read-only boxes drawn dashed with a caption (the model's).</summary>
    [Parameter]
    public IReadOnlyList<(RaterBox Box, string Color, string Caption)> DashedBoxes { get; set; } = [];

    /// <summary>An image over the slice, under the boxes (a Grad-CAM heatmap); null: none.</summary>
    [Parameter]
    public string? ImageOverlay { get; set; }

    /// <summary>Layers of the page over the image, in original slice pixels (the rater's editable boxes).</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>The view's state changed outside a page's event (attached, a drag ended, the zoom changed).</summary>
    [Parameter]
    public EventCallback OnChange { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>True once the browser's modules are attached: keys and pointers work from then on.</summary>
    public bool Live { get; private set; }

    /// <summary>The preset shown; empty while a dragged or typed window is.</summary>
    public string Window { get; private set; } = ViewerKeys.Windows[0].Name;

    public string Tool { get; private set; } = ViewerKeys.DefaultTool;

    public bool Smooth { get; private set; }

    public bool Cine { get; private set; }

    public double Zoom { get; private set; } = 1;

    public double DisplayWidth { get; private set; } = 512;

    public int? TypedWidth { get; set; }

    public int? TypedLevel { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Renders during an attach (the page moved on meanwhile) wait for it, then the loop attaches their slices.
        if (_attaching)
        {
            return;
        }

        _attaching = true;
        try
        {
            while (!_disposed && Slices.Count > 0 && !Slices.SequenceEqual(_attached))
            {
                await AttachAsync();
            }
        }
        finally
        {
            _attaching = false;
        }
    }

    private async Task AttachAsync()
    {
        _attached = [.. Slices];
        _self ??= DotNetObjectReference.Create(this);
        if (_editor is null)
        {
            _editorModule = await JS.InvokeAsync<IJSObjectReference>("import", EditorModule);
            _editor = await _editorModule.InvokeAsync<IJSObjectReference>("attach", _stage, _self);
        }
        else
        {
            await _editor.InvokeVoidAsync("resetView");
        }

        await DetachViewAsync();
        _viewModule ??= await JS.InvokeAsync<IJSObjectReference>("import", ViewModule);
        var preset = Window.Length > 0 ? Window : ViewerKeys.Windows[0].Name;
        _view = await _viewModule.InvokeAsync<IJSObjectReference>("attach", _stage, _self, _attached.Select(sop => new { sop }).ToList(), preset);
        await _view.InvokeVoidAsync("setInterpolation", Smooth);
        await SelectToolAsync(Tool);
        if (Window.Length == 0 && TypedLevel is { } level && TypedWidth is { } width)
        {
            await _view.InvokeVoidAsync("setWindow", level, width);
        }

        Live = true;
        await OnChange.InvokeAsync();
    }

    /// <summary>The viewer's own keys (windows, tools, zoom, interpolation, clearing); any other key does nothing.</summary>
    public async Task HandleKeyAsync(string key)
    {
        key = key.Length == 1 ? key.ToLowerInvariant() : key;
        Func<Task>? action = key switch
        {
            "+" or "=" => () => ZoomAsync(1.25),
            "-" => () => ZoomAsync(0.8),
            "0" => ResetViewAsync,
            "p" => PixelTrueAsync,
            "i" => ToggleInterpolationAsync,
            "x" => ClearMeasurementsAsync,
            _ when ViewerKeys.Windows.FirstOrDefault(w => w.Key == key) is { } window => () => SetWindowAsync(window.Name),
            _ when ViewerKeys.Tools.FirstOrDefault(t => t.Key == key) is { } tool =>
                () => SelectToolAsync(tool.Name == Tool ? ViewerKeys.DefaultTool : tool.Name),
            _ => null,
        };
        if (action is not null && Live)
        {
            await action();
        }
    }

    public Task SetWindowAsync(string name)
    {
        Window = name;
        return CallViewAsync("setPreset", name);
    }

    /// <summary>The next preset after the one shown (the first after a dragged or typed window).</summary>
    public Task NextWindowAsync()
    {
        var names = ViewerKeys.Windows.Select(w => w.Name).ToList();
        return SetWindowAsync(names[(names.IndexOf(Window) + 1) % names.Count]);
    }

    public async Task ApplyTypedWindowAsync()
    {
        if (TypedWidth is >= 1 && TypedLevel is { } level)
        {
            Window = "";
            await CallViewAsync("setWindow", level, TypedWidth.Value);
            await CallViewAsync("focus");
        }
    }

    public async Task SelectToolAsync(string tool)
    {
        Tool = tool;
        await CallEditorAsync("setTool", tool);
        await CallViewAsync("setTool", tool);
    }

    public Task ZoomAsync(double factor) => CallEditorAsync("zoomBy", factor);

    public Task ResetViewAsync() => CallEditorAsync("resetView");

    public Task PixelTrueAsync() => CallEditorAsync("pixelTrue");

    public Task ToggleInterpolationAsync()
    {
        Smooth = !Smooth;
        return CallViewAsync("setInterpolation", Smooth);
    }

    public async Task ToggleCineAsync(int framesPerSecond)
    {
        if (_view is not null)
        {
            Cine = await _view.InvokeAsync<bool>("toggleCine", framesPerSecond);
        }
    }

    public Task ClearMeasurementsAsync() => CallViewAsync("clearMeasurements");

    public Task AttachBlendSignAsync() => CallViewAsync("attachHelper");

    private async Task CallViewAsync(string identifier, params object?[] args)
    {
        if (_view is not null)
        {
            await _view.InvokeVoidAsync(identifier, args);
        }
    }

    private async Task CallEditorAsync(string identifier, params object?[] args)
    {
        if (_editor is not null)
        {
            await _editor.InvokeVoidAsync(identifier, args);
        }
    }
}
