using BlendSign.Data.Audit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace BlendSign.Web.Features.Admin;

public partial class AuditPage
{
    private MudTable<AuditTrailItem>? _table;
    private AuditEntity? _entity;
    private string? _actor;
    private string? _subject;
    private string? _key;
    private DateTime? _from;
    private DateTime? _to;

    [Inject]
    private AuditTrail Trail { get; set; } = default!;

    private async Task<TableData<AuditTrailItem>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        // Dates are whole UTC days: "to" includes the whole of its day.
        var filter = new AuditFilter(_entity, _actor, _subject, _key,
            _from is { } from ? new DateTimeOffset(from.Date, TimeSpan.Zero) : null,
            _to is { } to ? new DateTimeOffset(to.Date.AddDays(1).AddTicks(-1), TimeSpan.Zero) : null);
        var page = await Trail.SearchAsync(filter, state.Page * state.PageSize, state.PageSize, cancellationToken);
        return new TableData<AuditTrailItem> { TotalItems = page.Total, Items = page.Items };
    }

    private Task SearchAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
