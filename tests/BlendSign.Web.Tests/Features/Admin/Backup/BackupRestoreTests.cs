using System.Text.Json;
using BlendSign.Data.Persistence;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Tests.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Admin.Backup;

/// <summary><c>backup</c> and <c>restore</c>: a restored project gives the same agreement, run metrics, slices and audit trail.</summary>
public sealed class BackupRestoreTests(BackedUpProject project) : IClassFixture<BackedUpProject>
{
    private static readonly JsonSerializerOptions MetricsJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    [Fact]
    public async Task Backup_Json_ManifestCountsEveryPart()
    {
        var output = project.Scratch("again.tar");

        var (exitCode, json, error) = await CliRun.RunAsync(project.Source, "backup", "--out", output, "--json");

        Assert.True(exitCode == 0, error);
        using var document = JsonDocument.Parse(json);
        var manifest = document.RootElement.GetProperty("manifest");
        Assert.Equal(project.Source.Provider, manifest.GetProperty("provider").GetString());
        Assert.False(string.IsNullOrEmpty(manifest.GetProperty("last_migration").GetString()));
        var parts = manifest.GetProperty("parts");
        Assert.Equal(Directory.GetFiles(project.Source.Paths.SliceStore, "*", SearchOption.AllDirectories).Length,
            parts.GetProperty("slices").GetProperty("files").GetInt32());
        Assert.True(parts.GetProperty("runs").GetProperty("files").GetInt32() > 0);
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public async Task Restore_IntoEmptyProject_SameAgreementRunMetricsSlicesAndAuditTrail()
    {
        using var target = new TestDatabase();

        var (exitCode, _, error) = await CliRun.RunAsync(target, "restore", project.BackupPath, "--json");

        Assert.True(exitCode == 0, error);
        Assert.Equal(project.Agreement, (await CliRun.RunAsync(target, "agreement", "--json")).Out);
        Assert.Equal(await RunMetricsAsync(project.Source), await RunMetricsAsync(target));
        Assert.Equal(AuditSnapshot.Lines(project.Source), AuditSnapshot.Lines(target));
        Assert.Equal(File.ReadAllBytes(OofFile(project.Source)), File.ReadAllBytes(OofFile(target)));
        await AssertSameSlicesAsync(project.Source, target);
        await using var db = target.CreateDbContext();
        Assert.Equal(OofFile(target), (await db.TrainingRuns.SingleAsync(r => r.Id == project.RunId)).OofPredictionsPath);
    }

    [Fact]
    public async Task Restore_NonEmptyProjectWithoutForce_RefusedAndNothingChanged_ForceReplacesIt()
    {
        using var target = new TestDatabase();
        var demo = await CliRun.RunAsync(target, "demo", "--scans", "1", "--seed", "3");
        Assert.True(demo.ExitCode == 0, demo.Error);
        var before = await SnapshotAsync(target);

        var (exitCode, output, error) = await CliRun.RunAsync(target, "restore", project.BackupPath);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("The target project is not empty", error, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(target));

        var forced = await CliRun.RunAsync(target, "restore", project.BackupPath, "--force");

        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Equal(project.Agreement, (await CliRun.RunAsync(target, "agreement", "--json")).Out);
        Assert.Equal(AuditSnapshot.Lines(project.Source), AuditSnapshot.Lines(target));
    }

    [Fact]
    public async Task Restore_EntryClimbingOut_RefusedBeforeAnythingIsWritten()
    {
        using var target = new TestDatabase();
        var tampered = project.Scratch("climbs.tar");
        BackupTars.CopyWithExtraEntry(project.BackupPath, tampered, "../x");
        var before = await SnapshotAsync(target);

        var (exitCode, _, error) = await CliRun.RunAsync(target, "restore", tampered);

        Assert.Equal(1, exitCode);
        Assert.Contains("'../x', which is absolute or climbs out", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target.Paths.Root, "..", "x")));
        Assert.Equal(before, await SnapshotAsync(target));
    }

    [Fact]
    public async Task Restore_AbsoluteEntry_Refused()
    {
        using var target = new TestDatabase();
        var tampered = project.Scratch("absolute.tar");
        BackupTars.CopyWithExtraEntry(project.BackupPath, tampered, "/tmp/blendsign-absolute-entry");

        var (exitCode, _, error) = await CliRun.RunAsync(target, "restore", tampered);

        Assert.Equal(1, exitCode);
        Assert.Contains("absolute or climbs out", error, StringComparison.Ordinal);
        Assert.False(File.Exists("/tmp/blendsign-absolute-entry"));
    }

    [Fact]
    public async Task Restore_OtherProvidersBackup_RefusedAsNotSupported()
    {
        using var target = new TestDatabase();
        var other = target.Provider == DatabaseProviders.Postgres ? DatabaseProviders.Sqlite : DatabaseProviders.Postgres;
        var tampered = project.Scratch($"{other}.tar");
        BackupTars.CopyWithProvider(project.BackupPath, tampered, other);
        var before = await SnapshotAsync(target);

        var (exitCode, _, error) = await CliRun.RunAsync(target, "restore", tampered);

        Assert.Equal(1, exitCode);
        Assert.Contains($"is a backup of a {other} database and this project's database is {target.Provider}", error, StringComparison.Ordinal);
        Assert.Contains("not supported", error, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(target));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public async Task Restore_TruncatedBackup_RefusedWithAClearMessage(double fraction)
    {
        using var target = new TestDatabase();
        var truncated = project.Scratch($"truncated-{fraction}.tar");
        BackupTars.Truncate(project.BackupPath, truncated, fraction);
        var before = await SnapshotAsync(target);

        var (exitCode, _, error) = await CliRun.RunAsync(target, "restore", truncated);

        Assert.Equal(1, exitCode);
        Assert.Contains("truncated", error, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(target));
    }

    [Fact]
    public async Task Restore_NotATar_RefusedWithAClearMessage()
    {
        using var target = new TestDatabase();
        var notTar = project.Scratch("notes.tar");
        await File.WriteAllTextAsync(notTar, string.Concat(Enumerable.Repeat("not a backup at all\n", 100)));

        var (exitCode, _, error) = await CliRun.RunAsync(target, "restore", notTar);

        Assert.Equal(1, exitCode);
        Assert.Contains("notes.tar is not a readable tar file", error, StringComparison.Ordinal);
    }

    private string OofFile(TestDatabase database) => RunFolder.Of(database.Paths.Runs, project.RunId).OofPredictions;

    /// <summary>The run's per-class metrics, folds and ROC curves as the results page computes them from the stored predictions.</summary>
    private async Task<string> RunMetricsAsync(TestDatabase database)
    {
        await using var session = new ProjectSession(database);
        var services = await session.ServicesAsync();
        var results = await services.GetRequiredService<RunResultsService>().LoadAsync(project.RunId);
        Assert.NotNull(results);
        return JsonSerializer.Serialize(
            new { results.Predictions, results.Pooled, results.MeanOverFolds, results.RocCurves, results.Report?.PerClass, results.Report?.ConfusionMatrix },
            MetricsJson);
    }

    /// <summary>Every slice's HU export (.npy) is the same in both projects.</summary>
    private async Task AssertSameSlicesAsync(TestDatabase original, TestDatabase restored)
    {
        List<string> uids;
        await using (var db = original.CreateDbContext())
        {
            uids = await db.Slices.OrderBy(s => s.Id).Select(s => s.SopInstanceUid).ToListAsync();
        }

        Assert.NotEmpty(uids);
        using var folder = new TempDirectory();
        await using var before = new ProjectSession(original);
        await using var after = new ProjectSession(restored);
        foreach (var (uid, i) in uids.Select((u, i) => (u, i)))
        {
            var (a, b) = (folder.Combine($"{i}-original.npy"), folder.Combine($"{i}-restored.npy"));
            Assert.Equal(0, await before.RunOnKeptHostAsync("export-slice", "--sop", uid, "--format", "npy", "--out", a));
            Assert.Equal(0, await after.RunOnKeptHostAsync("export-slice", "--sop", uid, "--format", "npy", "--out", b));
            Assert.True(File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)), $"slice {uid} differs after the restore");
        }
    }

    /// <summary>What a refused restore must leave alone: the rows that matter, the audit trail and the data directory's files.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var counts = $"{await db.Scans.CountAsync()} {await db.Slices.CountAsync()} {await db.Users.CountAsync()} {await db.TrainingRuns.CountAsync()} {await db.SliceLabels.CountAsync()}";
        var files = Directory.EnumerateFiles(database.Paths.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("blendsign.db", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(database.Paths.Root, f)).Order(StringComparer.Ordinal);
        return string.Join('\n', [counts, .. AuditSnapshot.Lines(database), .. files]);
    }
}
