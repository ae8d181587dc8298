using BlendSign.Data.Audit;
using BlendSign.Data.Persistence;
using BlendSign.Data.Tests.Support;

namespace BlendSign.Data.Tests.Audit;

public sealed class AuditTrailTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database = new();
    private readonly AuditTrail _trail;

    public AuditTrailTests()
    {
        var scan = RatingSeed.AddScan(_database, "1.2.3", slices: 2);
        using var db = _database.CreateDbContext();
        var lead = new AuditActor("l", "lead", AuditSources.Csv);
        var admin = new AuditActor("a", "admin", AuditSources.Ui);
        Add(db, lead, AuditEntity.Label, "1.2.3.0", "rater1", Day.AddHours(1), scan.Id);
        Add(db, lead, AuditEntity.Label, "1.2.3.1", "rater2", Day.AddHours(2), scan.Id);
        Add(db, lead, AuditEntity.Box, "1.2.3.1", "rater2", Day.AddDays(1), scan.Id);
        Add(db, admin, AuditEntity.Role, "rater_1%", "rater_1%", Day.AddDays(2), null);
        Add(db, AuditActor.System(AuditSources.Demo), AuditEntity.User, "rater3", "rater3", Day.AddDays(3), null);
        db.SaveChanges();
        _trail = new AuditTrail(_database);
    }

    [Fact]
    public async Task SearchAsync_NoFilter_NewestFirstWithTotalAndScan()
    {
        var page = await _trail.SearchAsync(new AuditFilter(), skip: 0, take: 3);

        Assert.Equal(5, page.Total);
        Assert.Equal(["rater3", "rater_1%", "1.2.3.1"], page.Items.Select(i => i.Entry.EntityKey));
        Assert.Equal("SCAN-1.2.3", page.Items[2].ScanPseudonymousId);
        Assert.Null(page.Items[0].ScanPseudonymousId);
    }

    [Fact]
    public async Task SearchAsync_SecondPage_ContinuesWhereTheFirstStopped()
    {
        var page = await _trail.SearchAsync(new AuditFilter(), skip: 3, take: 3);

        Assert.Equal(5, page.Total);
        Assert.Equal([Day.AddHours(2), Day.AddHours(1)], page.Items.Select(i => i.Entry.At));
    }

    [Theory]
    [InlineData(AuditEntity.Label, null, null, null, 2)]
    [InlineData(null, "LEAD", null, null, 3)]
    [InlineData(null, null, "rater2", null, 2)]
    [InlineData(null, null, null, "1.2.3.1", 2)]
    [InlineData(null, null, null, "scan-1.2", 3)]
    [InlineData(null, null, null, "_1%", 1)] // wildcards in the text are taken literally
    [InlineData(null, null, null, "r_ter", 0)]
    [InlineData(AuditEntity.Box, "lead", "rater2", "1.2.3", 1)]
    [InlineData(AuditEntity.User, "lead", null, null, 0)]
    public async Task SearchAsync_Filters_MatchAnywhereIgnoringCase(AuditEntity? entity, string? actor, string? subject, string? key, int expected)
    {
        var page = await _trail.SearchAsync(new AuditFilter(entity, actor, subject, key), 0, 50);

        Assert.Equal(expected, page.Total);
        Assert.Equal(expected, page.Items.Count);
    }

    [Fact]
    public async Task SearchAsync_DateRange_IsInclusive()
    {
        var page = await _trail.SearchAsync(new AuditFilter(From: Day.AddHours(2), To: Day.AddDays(2)), 0, 50);

        Assert.Equal([Day.AddDays(2), Day.AddDays(1), Day.AddHours(2)], page.Items.Select(i => i.Entry.At));
    }

    private static void Add(BlendSignDbContext db, AuditActor actor, AuditEntity entity, string key, string subject, DateTimeOffset at, int? scanId) =>
        db.Record(actor, AuditAction.Change, entity, key, "old", "new", scanId, subjectName: subject).At = at;

    public void Dispose() => _database.Dispose();
}
