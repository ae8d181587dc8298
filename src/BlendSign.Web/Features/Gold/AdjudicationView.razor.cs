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

/// <summary>Opened from the disagreement list, the tie queue and the review queue; <c>from</c> is the list to go back to.</summary>
public partial class AdjudicationView
{
    private AdjudicationCase? _case;
    private bool _loaded;
    private bool _interactive;
    private bool _focusCase;
    private bool _focusReason;
    private bool _busy;
    private HemorrhageClass? _choice;
    private string? _reason;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
    private ElementReference _caseElement;
    private ElementReference _reasonElement;
    private SliceView? _view;
    private AuditActor? _actor;

    [Parameter]
    public string Sop { get; set; } = "";

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [Inject]
    private AdjudicationService Adjudications { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Only a path of this application: an absolute or protocol-relative address would be an open redirect.</summary>
    private string BackHref => From is { } from && from.StartsWith('/') && !from.StartsWith("//", StringComparison.Ordinal) && !from.Contains('\\')
        ? from
        : "/gold/adjudication";

    private string BackTitle => BackHref.Split('?')[0] switch
    {
        "/agreement/disagreements" => "Disagreements",
        "/review" => "Review queue",
        "/scans" => "Scans",
        _ => "Adjudication queue",
    };

    /// <summary>The raters' toggle letters: the viewer's windows and tools of the same letters stay on their buttons.</summary>
    private IReadOnlySet<string> PageKeys => _case is null
        ? new HashSet<string>()
        : _case.Slice.Reads.Select((_, i) => RaterColors.KeyOf(i).ToString()).ToHashSet();

    private IReadOnlyList<(RaterBox Box, string Color)> VisibleBoxes => _case is null
        ? []
        : _case.Slice.Reads.SelectMany((r, i) => IsShown(r.Rater) ? r.Boxes.Select(b => (b, RaterColors.Of(i))) : []).ToList();

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _actor = new AuditActor(user.RequireUserId(), user.Identity?.Name ?? "lead", AuditSources.Ui);
    }

    protected override async Task OnParametersSetAsync()
    {
        _case = await Adjudications.CaseAsync(Sop);
        _choice = _case?.Slice.Adjudication?.Label;
        _reason = null;
        _loaded = true;
        _focusCase = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }

        if (_focusReason)
        {
            _focusReason = false;
            await _reasonElement.FocusIfRenderedAsync();
        }
        else if (_focusCase && _case is not null)
        {
            _focusCase = false;
            await _caseElement.FocusIfRenderedAsync();
        }
    }

    private bool IsShown(string rater) => !_hidden.Contains(rater);

    private void Toggle(int raterIndex)
    {
        if (_case?.Slice.Reads.ElementAtOrDefault(raterIndex) is { } read && !_hidden.Remove(read.Rater))
        {
            _hidden.Add(read.Rater);
        }
    }

    private void Choose(HemorrhageClass label)
    {
        _choice = label;
        _focusReason = true;
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (_case is null || e.CtrlKey || e.AltKey || e.MetaKey)
        {
            return;
        }

        if (ViewerKeys.Classes.FirstOrDefault(c => c.Key == e.Key) is { } choice)
        {
            Choose(choice.Class);
        }
        else if (e.Key.Length == 1 && char.IsAsciiLetterLower(e.Key[0]) && e.Key[0] - 'a' < _case.Slice.Reads.Count)
        {
            Toggle(e.Key[0] - 'a');
        }
        else if (e.Key is "ArrowUp" or "PageUp" or "ArrowLeft")
        {
            Step(-1);
        }
        else if (e.Key is "ArrowDown" or "PageDown" or "ArrowRight")
        {
            Step(+1);
        }
        else if (e.Key == "Escape")
        {
            Navigation.NavigateTo(BackHref);
        }
        else if (_view is not null)
        {
            await _view.HandleKeyAsync(e.Key);
        }
    }

    private async Task OnReasonKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SaveAsync();
        }
        else if (e.Key == "Escape")
        {
            await _caseElement.FocusIfRenderedAsync();
        }
    }

    private void Step(int by)
    {
        if (_case is null)
        {
            return;
        }

        var target = _case.Position + by;
        if (target >= 0 && target < _case.ScanSlices.Count)
        {
            var from = From is null ? "" : $"?from={Uri.EscapeDataString(BackHref)}";
            Navigation.NavigateTo($"/gold/slices/{Uri.EscapeDataString(_case.ScanSlices[target])}{from}");
        }
    }

    private async Task SaveAsync()
    {
        if (_case is not { } current || _busy || _choice is not { } label)
        {
            return;
        }

        _busy = true;
        try
        {
            var outcome = await Adjudications.DecideWithReasonAsync(current.Slice.SliceId, label, _reason, _actor!);
            await ReportAsync(outcome, $"Decided {label.ToDisplayName()} for {current.Slice.ScanPseudonym} slice {current.Slice.SliceIndex + 1}.");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task WithdrawAsync()
    {
        if (_case is not { } current || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var outcome = await Adjudications.WithdrawAsync(current.Slice.SliceId, _actor!);
            await ReportAsync(outcome, "Decision withdrawn: the gold label is the raters' vote again.");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ReportAsync(AdjudicationOutcome outcome, string success)
    {
        _messageSeverity = outcome.Succeeded ? Severity.Success : Severity.Error;
        _message = outcome.Succeeded ? $"{success} Gold snapshot #{outcome.Snapshot!.Id}." : outcome.Error;
        if (outcome.Succeeded)
        {
            _case = await Adjudications.CaseAsync(Sop);
            _choice = _case?.Slice.Adjudication?.Label;
            _reason = null;
            _focusCase = true;
        }
        else
        {
            _focusReason = true;
        }
    }

    private static string Describe(GoldDecision decision) => decision.Label is { } label
        ? $"{label.ToDisplayName()} ({decision.Status.ToWireName()}, {decision.Votes} {(decision.Votes == 1 ? "vote" : "votes")})"
        : $"none ({decision.Status.ToWireName()})";
}
