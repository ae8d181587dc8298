using BlendSign.Data.Accounts;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Scans;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Support;

/// <summary>Users, scans, slices and labels written straight into a <see cref="TestDatabase"/>.</summary>
internal static class RatingSeed
{
    /// <summary>Creates the users and returns their ids by name.</summary>
    public static Dictionary<string, string> AddUsers(TestDatabase database, params string[] names)
    {
        using var db = database.CreateDbContext();
        var users = names.Select(n => new ApplicationUser
        {
            UserName = n,
            NormalizedUserName = n.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(users);
        db.SaveChanges();
        return users.ToDictionary(u => u.UserName!, u => u.Id);
    }

    /// <summary>A scan with <paramref name="slices"/> slices whose SOP Instance UIDs are <c>{uidRoot}.{index}</c> (in a test database or a test server's).</summary>
    public static Scan AddScan(IDbContextFactory<BlendSignDbContext> database, string uidRoot, int slices, ScanExclusion? exclusion = null)
    {
        using var db = database.CreateDbContext();
        var scan = new Scan
        {
            PseudonymousId = $"SCAN-{uidRoot}",
            StudyInstanceUid = $"{uidRoot}.1",
            SeriesInstanceUid = $"{uidRoot}.2",
            Modality = "CT",
            Exclusion = exclusion,
            Slices = Enumerable.Range(0, slices).Select(i => new Slice
            {
                SopInstanceUid = $"{uidRoot}.{i}",
                SliceIndex = i,
                Rows = 512,
                Columns = 512,
                StoreKey = $"{uidRoot}-{i}",
                TransferSyntaxUid = "1.2.840.10008.1.2.1",
            }).ToList(),
        };
        db.Scans.Add(scan);
        db.SaveChanges();
        return scan;
    }

    public static void AddLabel(TestDatabase database, string raterId, string sopInstanceUid, HemorrhageClass label)
    {
        using var db = database.CreateDbContext();
        var sliceId = db.Slices.Single(s => s.SopInstanceUid == sopInstanceUid).Id;
        db.SliceLabels.Add(new SliceLabel { SliceId = sliceId, RaterId = raterId, Label = label, UpdatedAt = DateTimeOffset.UtcNow });
        db.SaveChanges();
    }

    /// <summary>Every label as "rater sop label" lines, sorted: a snapshot to compare before and after.</summary>
    public static List<string> Snapshot(TestDatabase database)
    {
        using var db = database.CreateDbContext();
        return db.SliceLabels
            .Select(l => l.Rater.UserName + " " + l.Slice.SopInstanceUid + " " + l.Label)
            .AsEnumerable()
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
