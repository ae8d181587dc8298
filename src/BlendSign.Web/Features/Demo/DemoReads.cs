using BlendSign.Data.Accounts;
using BlendSign.Data.Demo;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Demo;

/// <summary>The simulated raters' labels and boxes of the demo, written as the raters' own reads.</summary>
public sealed class DemoReads(IDbContextFactory<BlendSignDbContext> dbFactory, UserManager<ApplicationUser> users, TimeProvider time)
{
    public async Task<bool> HasDemoScansAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Scans.AnyAsync(s => s.SeriesDescription == DemoGenerator.SeriesDescription, cancellationToken);
    }

    public async Task<(int Labels, int Boxes)> StoreAsync(DemoDataSet demo, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var raterNames = demo.Raters.Select(r => users.NormalizeName(r.UserName)).ToList();
        var raterIds = await db.Users
            .Where(u => raterNames.Contains(u.NormalizedUserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, StringComparer.Ordinal, cancellationToken);
        var sops = demo.Slices.Select(s => s.SopInstanceUid).ToList();
        var sliceIds = await db.Slices
            .Where(s => sops.Contains(s.SopInstanceUid))
            .ToDictionaryAsync(s => s.SopInstanceUid, s => s.Id, StringComparer.Ordinal, cancellationToken);

        var now = time.GetUtcNow();
        int labels = 0, boxes = 0;
        foreach (var read in demo.Reads)
        {
            if (!sliceIds.TryGetValue(read.SopInstanceUid, out var sliceId))
            {
                continue; // not imported (reported above)
            }

            var raterId = raterIds[read.Rater];
            db.SliceLabels.Add(new SliceLabel { SliceId = sliceId, RaterId = raterId, Label = read.Label, UpdatedAt = now });
            labels++;
            foreach (var box in read.Boxes)
            {
                db.HemorrhageBoxes.Add(new HemorrhageBox
                {
                    SliceId = sliceId,
                    RaterId = raterId,
                    CenterX = box.CenterX,
                    CenterY = box.CenterY,
                    Left = box.Left,
                    Top = box.Top,
                    Right = box.Right,
                    Bottom = box.Bottom,
                    UpdatedAt = now,
                });
                boxes++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (labels, boxes);
    }
}
