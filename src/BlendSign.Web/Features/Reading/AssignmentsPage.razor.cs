using BlendSign.Data.Assignments;
using BlendSign.Data.Audit;
using BlendSign.Web.Layout.Account;
using BlendSign.Web.Layout.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BlendSign.Web.Features.Reading;

public partial class AssignmentsPage
{
    private AssignmentOverview? _overview;
    private HashSet<ScanAssignmentRow> _selectedScans = [];
    private IReadOnlyCollection<string> _selectedRaters = [];
    private PageMessage? _message;
    private bool _busy;

    [Inject]
    private AssignmentService Assignments { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool CanApply => !_busy && _selectedScans.Count > 0 && _selectedRaters.Any();

    protected override async Task OnInitializedAsync() => _overview = await Assignments.GetOverviewAsync();

    private Task ToggleAsync(ScanAssignmentRow scan, AssignedRater rater, bool assign) =>
        RunAsync((actor, ct) => assign
            ? Assignments.AssignAsync([scan.ScanId], [rater.Id], actor, ct)
            : Assignments.UnassignAsync([scan.ScanId], [rater.Id], actor, ct));

    private Task AssignAsync() => RunAsync((actor, ct) => Assignments.AssignAsync(SelectedScanIds, SelectedRaterIds, actor, ct));

    private Task UnassignAsync() => RunAsync((actor, ct) => Assignments.UnassignAsync(SelectedScanIds, SelectedRaterIds, actor, ct));

    private Task AssignOnlyAsync() => RunAsync((actor, ct) => Assignments.AssignOnlyAsync(SelectedScanIds, SelectedRaterIds, actor, ct));

    private Task DefaultSelectedAsync() => RunAsync((actor, ct) => Assignments.AssignToEveryRadiologistAsync(SelectedScanIds, actor, ct));

    private async Task EveryScanToEveryRadiologistAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Every scan to every radiologist",
            "This removes every individual assignment: all scans go to every radiologist, also ones added later. Continue?",
            yesText: "Assign all", cancelText: "Cancel");
        if (confirmed == true)
        {
            await RunAsync((actor, ct) => Assignments.AssignToEveryRadiologistAsync(null, actor, ct));
        }
    }

    private List<int> SelectedScanIds => _selectedScans.Select(s => s.ScanId).ToList();

    private List<string> SelectedRaterIds => _selectedRaters.ToList();

    private string RaterName(string? id) => _overview?.Radiologists.FirstOrDefault(r => r.Id == id)?.UserName ?? "";

    private async Task RunAsync(Func<AuditActor, CancellationToken, Task<AssignmentChangeResult>> change)
    {
        _busy = true;
        try
        {
            var actor = (await AuthenticationState).User.ToAuditActor();
            var result = await change(actor, CancellationToken.None);
            _message = result.Succeeded
                ? new PageMessage(result.ScansChanged == 0 ? "Nothing to change." : $"Changed the assignment of {result.ScansChanged} scan(s).", false)
                : new PageMessage(result.Error!, true);
            _overview = await Assignments.GetOverviewAsync();

            // Keep the selection across the reload (rows are new records).
            var selected = _selectedScans.Select(s => s.ScanId).ToHashSet();
            _selectedScans = _overview.Scans.Where(s => selected.Contains(s.ScanId)).ToHashSet();
        }
        finally
        {
            _busy = false;
        }
    }

    private static double Percent(int labeled, int slices) => slices == 0 ? 0 : 100.0 * labeled / slices;
}
