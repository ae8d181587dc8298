using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Features.Reading.Load;

namespace BlendSign.Web.Tests.Features.Reading.Load;

/// <summary>The load test's check of acknowledged saves against the label rows and the audit trail, on hand-made histories.</summary>
public sealed class LoadVerifierTests : IDisposable
{
    private const string Sop = "61.1.0";
    private readonly TestDatabase _database = new();
    private readonly LoadAccount _rater;

    public LoadVerifierTests()
    {
        var ids = RatingSeed.AddUsers(_database, "load-rater-001");
        _rater = new LoadAccount(ids["load-rater-001"], "load-rater-001");
        RatingSeed.AddScan(_database, "61.1", 1);
    }

    [Fact]
    public async Task Verify_EveryAcknowledgedSaveStoredAndAuditedOnce_Passes()
    {
        var watermark = await Verifier().AuditWatermarkAsync(default);
        RatingSeed.AddLabel(_database, _rater.UserId, Sop, HemorrhageClass.NormalIch);
        Audit("non_ich", "normal_ich");

        var result = await Verifier().VerifyAsync([_rater], [Save(HemorrhageClass.NonIch), Save(HemorrhageClass.NormalIch)], watermark, default);

        Assert.Equal(new LoadVerification(2, 1, 0, 0, 0, 0, 0), result);
        Assert.True(result.Passed);
    }

    [Fact]
    public async Task Verify_AcknowledgedSaveNotInTheDatabase_LostLabelAndLostAuditEntry()
    {
        var result = await Verifier().VerifyAsync([_rater], [Save(HemorrhageClass.BlendSign)], 0, default);

        Assert.Equal(1, result.LostLabels);
        Assert.Equal(1, result.LostAuditEntries);
        Assert.Equal(2, result.Lost);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task Verify_LabelDiffersFromTheLastAcknowledged_Lost()
    {
        RatingSeed.AddLabel(_database, _rater.UserId, Sop, HemorrhageClass.NonIch);
        Audit("normal_ich");

        var result = await Verifier().VerifyAsync([_rater], [Save(HemorrhageClass.NormalIch)], 0, default);

        Assert.Equal(1, result.LostLabels);
        Assert.Equal(0, result.Duplicated);
    }

    [Fact]
    public async Task Verify_TwoAuditEntriesForOneSaveAndEntriesForSlicesNotWritten_Duplicated()
    {
        RatingSeed.AddScan(_database, "61.2", 1);
        RatingSeed.AddLabel(_database, _rater.UserId, Sop, HemorrhageClass.NormalIch);
        Audit("normal_ich", "normal_ich");
        AuditOn("61.2.0", "blend_sign");

        var result = await Verifier().VerifyAsync([_rater], [Save(HemorrhageClass.NormalIch)], 0, default);

        Assert.Equal(0, result.Lost);
        Assert.Equal(2, result.DuplicatedAuditEntries);
    }

    [Fact]
    public async Task Verify_UnansweredWriteThatLanded_UncertainPairPasses()
    {
        RatingSeed.AddLabel(_database, _rater.UserId, Sop, HemorrhageClass.BlendSign);
        Audit("normal_ich", "blend_sign");

        var result = await Verifier().VerifyAsync([_rater],
            [Save(HemorrhageClass.NormalIch), Save(HemorrhageClass.BlendSign, SaveAnswer.Unknown), Save(HemorrhageClass.NonIch, SaveAnswer.Refused)], 0, default);

        Assert.Equal(new LoadVerification(1, 1, 1, 0, 0, 0, 0), result);
    }

    private LoadVerifier Verifier() => new(_database);

    private SaveAttempt Save(HemorrhageClass label, SaveAnswer answer = SaveAnswer.Acknowledged) =>
        new(_rater.UserName, Sop, label, answer, DateTimeOffset.UtcNow);

    private void Audit(params string[] newValues) => AuditOn(Sop, newValues);

    private void AuditOn(string sop, params string[] newValues)
    {
        using var db = _database.CreateDbContext();
        var actor = new AuditActor(_rater.UserId, _rater.UserName, AuditSources.Api);
        foreach (var value in newValues)
        {
            db.Record(actor, AuditAction.Change, AuditEntity.Label, sop, null, value, subjectName: _rater.UserName);
        }

        db.SaveChanges();
    }

    public void Dispose() => _database.Dispose();
}
