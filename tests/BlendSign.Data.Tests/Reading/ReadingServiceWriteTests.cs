using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Reading;
using BlendSign.Data.Scans;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Reading;

public sealed class ReadingServiceWriteTests : ReadingFixture
{
    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task SetLabel_CreateThenChange_AuditsOldAndNewValues()
    {
        var scan = AddScan("1.1", 1);
        var slice = SliceId("1.1.0");

        await Service.SetLabelAsync(slice, Rater1, HemorrhageClass.NormalIch);
        await Service.SetLabelAsync(slice, Rater1, HemorrhageClass.NormalIch);
        await Service.SetLabelAsync(slice, Rater1, HemorrhageClass.BlendSign);
        await Service.ClearLabelAsync(slice, Rater1);

        var audit = await AuditAsync();
        Assert.Equal(
            [(AuditAction.Create, null, "normal_ich"), (AuditAction.Change, "normal_ich", "blend_sign"), (AuditAction.Delete, "blend_sign", null)],
            audit.Select(a => (a.Action, a.OldValue, a.NewValue)));
        Assert.All(audit, a => Assert.Equal((AuditEntity.Label, "1.1.0", scan.Id, "rater1", "rater1", AuditSources.Ui),
            (a.Entity, a.EntityKey, a.ScanId!.Value, a.ActorName, a.SubjectName, a.Source)));
    }

    [Fact]
    public async Task SetLabel_UnknownSlice_IsRefusedAndChangesNothing()
    {
        AddScan("2.1", 1);
        var before = State();

        var outcome = await Service.SetLabelAsync(999_999, Rater1, HemorrhageClass.NonIch);

        Assert.Equal(ReadingRefusal.UnknownSlice, outcome.Refusal);
        Assert.Contains("no slice", outcome.Message);
        Assert.Equal(before, State());
    }

    [Fact]
    public async Task SetLabel_UnknownClass_IsRefusedAndChangesNothing()
    {
        AddScan("3.1", 1);
        var before = State();

        var outcome = await Service.SetLabelAsync(SliceId("3.1.0"), Rater1, (HemorrhageClass)7);

        Assert.Equal(ReadingRefusal.UnknownClass, outcome.Refusal);
        Assert.Contains("non_ich", outcome.Message);
        Assert.Equal(before, State());
    }

    [Fact]
    public async Task SetLabel_ScanAssignedToSomeoneElse_IsRefused()
    {
        var scan = AddScan("4.1", 1);
        Assign(scan, Rater2);
        var before = State();

        var outcome = await Service.SetLabelAsync(SliceId("4.1.0"), Rater1, HemorrhageClass.NonIch);
        var lead = await Service.SetLabelAsync(SliceId("4.1.0"), Lead, HemorrhageClass.NonIch);

        Assert.Equal(ReadingRefusal.NotAssigned, outcome.Refusal);
        Assert.Equal(ReadingRefusal.NotAllowed, lead.Refusal);
        Assert.Equal(before, State());
    }

    public static TheoryData<BoxGeometry, ReadingRefusal> BadBoxes => new()
    {
        { new BoxGeometry(-1, 10, 50, 60, 20, 20), ReadingRefusal.BoxOutsideImage },
        { new BoxGeometry(10, 10, 513, 60, 20, 20), ReadingRefusal.BoxOutsideImage },
        { new BoxGeometry(10, 10, 50, 600, 20, 20), ReadingRefusal.BoxOutsideImage },
        { new BoxGeometry(50, 10, 10, 60, 20, 20), ReadingRefusal.BoxInverted },
        { new BoxGeometry(10, 60, 50, 10, 20, 20), ReadingRefusal.BoxInverted },
        { new BoxGeometry(10, 10, 10, 60, 10, 20), ReadingRefusal.BoxInverted },
        { new BoxGeometry(10, 10, 50, 60, 55, 20), ReadingRefusal.CenterOutsideBox },
        { new BoxGeometry(10, 10, 50, 60, 20, 5), ReadingRefusal.CenterOutsideBox },
        { new BoxGeometry(double.NaN, 10, 50, 60, 20, 20), ReadingRefusal.BoxOutsideImage },
    };

    [Theory]
    [MemberData(nameof(BadBoxes))]
    public async Task AddBox_BadGeometry_IsRefusedAndChangesNothing(BoxGeometry geometry, ReadingRefusal expected)
    {
        AddScan("5.1", 1);
        var before = State();

        var outcome = await Service.AddBoxAsync(SliceId("5.1.0"), Rater1, geometry);

        Assert.Equal(expected, outcome.Refusal);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
        Assert.Equal(before, State());
    }

    [Fact]
    public async Task UpdateBox_BadGeometryOrAnotherRatersBox_IsRefusedAndChangesNothing()
    {
        AddScan("6.1", 1);
        var box = (await Service.AddBoxAsync(SliceId("6.1.0"), Rater1, BoxGeometry.Centered(10, 10, 50, 50))).Box!;
        var before = State();

        var inverted = await Service.UpdateBoxAsync(box.BoxId, Rater1, new BoxGeometry(60, 10, 50, 50, 55, 30));
        var stolen = await Service.UpdateBoxAsync(box.BoxId, Rater2, BoxGeometry.Centered(0, 0, 5, 5));
        var deleted = await Service.DeleteBoxAsync(box.BoxId, Rater2);

        Assert.Equal(ReadingRefusal.BoxInverted, inverted.Refusal);
        Assert.Equal(ReadingRefusal.UnknownBox, stolen.Refusal);
        Assert.Equal(ReadingRefusal.UnknownBox, deleted.Refusal);
        Assert.Equal(before, State());
    }

    [Fact]
    public async Task Boxes_AddMoveDeleteRestore_AreSavedAndAuditedWithOldAndNewValues()
    {
        var scan = AddScan("7.1", 1);
        var slice = SliceId("7.1.0");

        var added = (await Service.AddBoxAsync(slice, Rater1, BoxGeometry.Centered(10, 20, 50, 60))).Box!;
        var moved = (await Service.UpdateBoxAsync(added.BoxId, Rater1, added.Geometry with { CenterX = 15, CenterY = 25 })).Box!;
        var deleted = (await Service.DeleteBoxAsync(added.BoxId, Rater1)).Box!;
        var restored = await Service.RestoreBoxAsync(deleted, Rater1);
        var again = await Service.RestoreBoxAsync(deleted, Rater1);

        Assert.Equal(added.BoxId, restored.Box!.BoxId);
        Assert.Equal(ReadingRefusal.BoxIdInUse, again.Refusal);
        var reading = await Service.OpenScanAsync(scan.Id, Rater1);
        Assert.Equal(moved, Assert.Single(reading!.Slices[0].MyBoxes));
        var audit = await AuditAsync();
        Assert.Equal([AuditAction.Create, AuditAction.Change, AuditAction.Delete, AuditAction.Create], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal((AuditEntity.Box, "7.1.0", slice), (a.Entity, a.EntityKey, a.SliceId!.Value)));
        var id = added.BoxId;
        Assert.Equal($"{{\"id\":{id},\"left\":10,\"top\":20,\"right\":50,\"bottom\":60,\"centerX\":30,\"centerY\":40}}", audit[1].OldValue);
        Assert.Equal($"{{\"id\":{id},\"left\":10,\"top\":20,\"right\":50,\"bottom\":60,\"centerX\":15,\"centerY\":25}}", audit[1].NewValue);
        Assert.Equal(audit[1].NewValue, audit[2].OldValue);
        Assert.Null(audit[2].NewValue);
    }

    [Fact]
    public async Task SetExclusion_OtherWithoutNote_IsRefusedAndChangesNothing()
    {
        var scan = AddScan("8.1", 1);
        var before = State();

        var outcome = await Service.SetExclusionAsync(scan.Id, Rater1, new ExclusionState(ScanExclusion.Other, "  "));

        Assert.Equal(ReadingRefusal.NoteRequired, outcome.Refusal);
        Assert.Equal(before, State());
    }

    [Fact]
    public async Task SetExclusion_SetChangeAndClear_AuditedAndVisibleToEveryReader()
    {
        var scan = AddScan("9.1", 1);

        await Service.SetExclusionAsync(scan.Id, Rater1, new ExclusionState(ScanExclusion.Postoperative, null));
        Assert.Equal(ScanExclusion.Postoperative, (await Service.OpenScanAsync(scan.Id, Rater2))!.Exclusion?.Reason);
        await Service.SetExclusionAsync(scan.Id, Rater1, new ExclusionState(ScanExclusion.Other, " motion artefacts "));
        await Service.SetExclusionAsync(scan.Id, Lead, null);

        Assert.Null((await Service.OpenScanAsync(scan.Id, Rater1))!.Exclusion);
        var audit = await AuditAsync();
        Assert.Equal(
            [
                (AuditAction.Create, "rater1", null, "{\"reason\":\"postoperative\",\"note\":null}"),
                (AuditAction.Change, "rater1", "{\"reason\":\"postoperative\",\"note\":null}", "{\"reason\":\"other\",\"note\":\"motion artefacts\"}"),
                (AuditAction.Delete, "lead", "{\"reason\":\"other\",\"note\":\"motion artefacts\"}", null),
            ],
            audit.Select(a => (a.Action, a.ActorName, a.OldValue, a.NewValue)));
        Assert.All(audit, a => Assert.Equal((AuditEntity.Exclusion, "SCAN-9.1"), (a.Entity, a.EntityKey)));
    }

    [Fact]
    public async Task SetExclusion_RadiologistTheScanIsNotAssignedTo_IsRefused()
    {
        var scan = AddScan("10.1", 1);
        Assign(scan, Rater2);
        var before = State();

        var outcome = await Service.SetExclusionAsync(scan.Id, Rater1, new ExclusionState(ScanExclusion.PatientUnderSeven, null));

        Assert.Equal(ReadingRefusal.NotAllowed, outcome.Refusal);
        Assert.Equal(before, State());
    }
}
