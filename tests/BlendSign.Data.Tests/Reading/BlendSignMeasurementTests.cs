using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Reading;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Reading;

/// <summary>The blend-sign helper attached to a read: only to a labeled slice, stored with the label, audited, shown back.</summary>
public sealed class BlendSignMeasurementTests : ReadingFixture
{
    [Theory]
    [InlineData(70, 52, 18, true)]
    [InlineData(45, 62.5, 17.5, false)]
    public void CriterionMet_AtLeast18HuApart(double a, double b, double difference, bool met)
    {
        var measurement = new BlendSignMeasurement(a, b);

        Assert.Equal((difference, met), (measurement.Difference, measurement.CriterionMet));
    }

    [Fact]
    public async Task AttachBlendSign_BeforeALabel_RefusedAndNothingStored()
    {
        AddScan("71.1", 1);
        var before = State();

        var outcome = await Service.AttachBlendSignAsync(SliceId("71.1.0"), Rater1, new BlendSignMeasurement(75, 44));

        Assert.Equal(ReadingRefusal.NotLabeled, outcome.Refusal);
        Assert.Equal(before, State());
    }

    [Fact]
    public async Task AttachBlendSign_AfterALabel_StoredOnTheReadAuditedAndOpenedAgain()
    {
        var scan = AddScan("72.1", 1);
        var slice = SliceId("72.1.0");
        await Service.SetLabelAsync(slice, Rater1, HemorrhageClass.BlendSign);

        var outcome = await Service.AttachBlendSignAsync(slice, Rater1, new BlendSignMeasurement(75.4, 44.1));

        Assert.True(outcome.IsSaved);
        await using var db = Database.CreateDbContext();
        var read = await db.SliceLabels.SingleAsync();
        Assert.Equal((HemorrhageClass.BlendSign, 75.4, 44.1), (read.Label, read.BlendSignRoiMeanA, read.BlendSignRoiMeanB));
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntity.Measurement);
        Assert.Equal((AuditAction.Create, "72.1.0"), (audit.Action, audit.EntityKey));
        Assert.Contains("difference 31.3 HU (meets the 18 HU criterion)", audit.NewValue);
        var reopened = await Service.OpenScanAsync(scan.Id, Rater1);
        Assert.Equal(new BlendSignMeasurement(75.4, 44.1), reopened!.Slices[0].BlendSignMeasurement);
    }
}
