using BlendSign.Data.Assignments;
using BlendSign.Data.Reading;
using BlendSign.Data.Scans;
using BlendSign.Data.Tests.Support;

namespace BlendSign.Data.Tests.Reading;

/// <summary>A migrated database with rater1, rater2 and a lead, and a <see cref="ReadingService"/> on it.</summary>
public abstract class ReadingFixture : IDisposable
{
    protected ReadingFixture()
    {
        Users = RatingSeed.AddUsers(Database, "rater1", "rater2", "lead");
        Service = new ReadingService(Database, TimeProvider.System);
        Rater1 = Reader.Radiologist(Users["rater1"], "rater1");
        Rater2 = Reader.Radiologist(Users["rater2"], "rater2");
        Lead = new Reader(Users["lead"], "lead", IsRadiologist: false, SeesAllScans: true, IsLead: true);
    }

    protected TestDatabase Database { get; } = new();
    protected Dictionary<string, string> Users { get; }
    protected ReadingService Service { get; }
    protected Reader Rater1 { get; }
    protected Reader Rater2 { get; }
    protected Reader Lead { get; }

    protected Scan AddScan(string uidRoot, int slices, ScanExclusion? exclusion = null) =>
        RatingSeed.AddScan(Database, uidRoot, slices, exclusion);

    protected void Assign(Scan scan, Reader rater)
    {
        using var db = Database.CreateDbContext();
        db.ScanAssignments.Add(new ScanAssignment { ScanId = scan.Id, RaterId = rater.UserId, AssignedAt = DateTimeOffset.UtcNow });
        db.SaveChanges();
    }

    protected int SliceId(string sopInstanceUid)
    {
        using var db = Database.CreateDbContext();
        return db.Slices.Single(s => s.SopInstanceUid == sopInstanceUid).Id;
    }

    /// <summary>Every label, box, exclusion and audit row as text: compared before and after a refused write.</summary>
    protected List<string> State()
    {
        using var db = Database.CreateDbContext();
        return db.SliceLabels.Select(l => $"label {l.SliceId} {l.RaterId} {l.Label}").AsEnumerable()
            .Concat(db.HemorrhageBoxes.AsEnumerable().Select(b => $"box {b.Id} {b.SliceId} {b.Left} {b.Top} {b.Right} {b.Bottom} {b.CenterX} {b.CenterY}"))
            .Concat(db.Scans.AsEnumerable().Select(s => $"scan {s.Id} {s.Exclusion} {s.ExclusionNote}"))
            .Concat(db.AuditEntries.AsEnumerable().Select(a => $"audit {a.Id}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }
}
