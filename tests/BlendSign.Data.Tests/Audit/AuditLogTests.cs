using BlendSign.Data.Audit;
using BlendSign.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Audit;

public sealed class AuditLogTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Record_SavedWithTheChange_KeepsOldAndNewValues()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.Record(new AuditActor("u1", "lead", AuditSources.Ui), AuditAction.Change, AuditEntity.Exclusion, "SCAN-0001",
                oldValue: null, newValue: new { reason = "postoperative" }, scanId: 1);
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateDbContext();
        var entry = await read.AuditEntries.SingleAsync();
        Assert.Equal("lead", entry.ActorName);
        Assert.Equal(AuditEntity.Exclusion, entry.Entity);
        Assert.Null(entry.OldValue);
        Assert.Equal("{\"reason\":\"postoperative\"}", entry.NewValue);
        Assert.Equal(AuditSources.Ui, entry.Source);
    }

    [Fact]
    public async Task SaveChanges_ModifiedOrDeletedEntry_IsRefused()
    {
        await using var db = _database.CreateDbContext();
        var entry = db.Record(AuditActor.System(AuditSources.Demo), AuditAction.Create, AuditEntity.User, "rater1", null, "radiologist");
        await db.SaveChangesAsync();

        entry.NewValue = "admin";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.Entry(entry).State = EntityState.Deleted;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Database_UpdateDeleteOrTruncateBehindTheContextsBack_IsRefusedByTriggers()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.Record(AuditActor.System(AuditSources.Cli), AuditAction.Create, AuditEntity.User, "lead", null, "lead");
            await db.SaveChangesAsync();
        }

        await using var raw = _database.CreateDbContext();
        // Both providers' errors are DbExceptions (SqliteException, PostgresException) raised by the triggers.
        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
            () => raw.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone else'"));
        Assert.Contains("append-only", update.Message);
        var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
            () => raw.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.Contains("append-only", delete.Message);
        if (raw.Database.IsNpgsql())
        {
            var truncate = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
                () => raw.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\""));
            Assert.Contains("append-only", truncate.Message);
        }

        Assert.Equal("system", (await raw.AuditEntries.SingleAsync()).ActorName);
    }
}
