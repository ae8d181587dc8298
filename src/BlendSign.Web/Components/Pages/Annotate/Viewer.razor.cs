using BlendSign.Data.Accounts;
using BlendSign.Data.Labels;
using BlendSign.Data.Reading;
using BlendSign.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;

namespace BlendSign.Web.Components.Pages.Annotate;

/// <summary>The slice viewer: keyboard-first navigation and labeling; every label is saved at once.</summary>
public partial class Viewer
{
    private static readonly IReadOnlyList<ClassOption> ClassOptions =
    [
        new("1", HemorrhageClass.NonIch, "No hemorrhage"),
        new("2", HemorrhageClass.NormalIch, "Normal ICH"),
        new("3", HemorrhageClass.BlendSign, "Blend sign"),
    ];

    private ScanReading? _scan;
    private int _index;
    private bool _notFound;
    private bool _canLabel;
    private string? _raterId;
    private string? _saveError;
    private ElementReference _viewerElement;
    private bool _focusPending = true;

    // False while the page is only prerendered: keys do nothing until the circuit is live.
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
    private ILogger<Viewer> Logger { get; set; } = default!;

    private SliceReading Current => _scan!.Slices[_index];

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        _raterId = user.RequireUserId();
        _canLabel = user.IsInRole(Roles.Radiologist);
        _scan = await Reading.OpenScanAsync(ScanId, _raterId);
        _notFound = _scan is null;
        if (_scan is { Slices.Count: > 0 })
        {
            _index = Math.Clamp((StartSlice ?? 1) - 1, 0, _scan.Slices.Count - 1);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusPending && _scan is { Slices.Count: > 0 })
        {
            _focusPending = false;
            await _viewerElement.FocusAsync();
        }

        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task OnKeyDown(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "1" or "2" or "3":
                await LabelAsync(ClassOptions[e.Key[0] - '1'].Class);
                break;
            case "ArrowRight" or "ArrowDown" or "PageDown":
                await MoveAsync(1);
                break;
            case "ArrowLeft" or "ArrowUp" or "PageUp":
                await MoveAsync(-1);
                break;
            case "Home":
                await MoveAsync(-_index);
                break;
            case "End":
                await MoveAsync(_scan!.Slices.Count - 1 - _index);
                break;
        }
    }

    private Task OnWheel(WheelEventArgs e) => MoveAsync(Math.Sign(e.DeltaY));

    private Task MoveAsync(int step)
    {
        if (_scan is not null)
        {
            _index = Math.Clamp(_index + step, 0, _scan.Slices.Count - 1);
        }

        return Task.CompletedTask;
    }

    private async Task LabelAsync(HemorrhageClass label)
    {
        // Checked here too: the buttons are hidden from non-raters, but the server decides.
        if (!_canLabel || _scan is null || _raterId is null)
        {
            return;
        }

        var slice = Current;
        if (!await Reading.SetLabelAsync(slice.SliceId, _raterId, label))
        {
            _saveError = "This slice no longer exists; the label was not saved.";
            return;
        }

        _saveError = null;
        Logger.LogInformation("Label {Label} saved for slice {SliceIndex} of {Scan}", label.ToWireName(), slice.SliceIndex, _scan.PseudonymousId);
        var slices = _scan.Slices.ToList();
        slices[_index] = slice with { MyLabel = label };
        _scan = _scan with { Slices = slices };
        await MoveAsync(1);
    }

    private IEnumerable<SliceReading> Neighbours()
    {
        for (var offset = 1; offset <= 2; offset++)
        {
            if (_index + offset < _scan!.Slices.Count)
            {
                yield return _scan.Slices[_index + offset];
            }

            if (_index - offset >= 0)
            {
                yield return _scan.Slices[_index - offset];
            }
        }
    }

    private static string ImageUrl(string sopInstanceUid) => $"api/slices/{Uri.EscapeDataString(sopInstanceUid)}/image?window=rgb3";

    private string StripClass(SliceReading slice) =>
        "strip-cell" + (slice.MyLabel is null ? "" : " strip-labeled") + (slice.SliceIndex == _index ? " strip-current" : "");

    private sealed record ClassOption(string Key, HemorrhageClass Class, string Title)
    {
        public string WireName => Class.ToWireName();
    }
}
