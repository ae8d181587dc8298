using BlendSign.Data.Persistence;
using BlendSign.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Persistence;

public sealed class DataProtectionKeyImportTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task ImportFromFolder_KeysFromBeforeTheUpgrade_TakenOnceIntoTheDatabase()
    {
        var folder = Path.Combine(_database.Paths.Root, "keys");
        Directory.CreateDirectory(folder);
        const string Xml = "<key id=\"1d5c7a3e-0000-4000-8000-000000000001\" version=\"1\"></key>";
        await File.WriteAllTextAsync(Path.Combine(folder, "key-1d5c7a3e-0000-4000-8000-000000000001.xml"), Xml);

        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal(1, await DataProtectionKeyImport.ImportFromFolderAsync(db, folder));
        }

        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal(0, await DataProtectionKeyImport.ImportFromFolderAsync(db, folder));
            var key = await db.DataProtectionKeys.SingleAsync();
            Assert.Equal("key-1d5c7a3e-0000-4000-8000-000000000001", key.FriendlyName);
            Assert.Equal(Xml, key.Xml);
        }
    }

    [Fact]
    public async Task ImportFromFolder_NoFolder_ImportsNothing()
    {
        await using var db = _database.CreateDbContext();

        Assert.Equal(0, await DataProtectionKeyImport.ImportFromFolderAsync(db, Path.Combine(_database.Paths.Root, "absent")));
        Assert.False(await db.DataProtectionKeys.AnyAsync());
    }

    public void Dispose() => _database.Dispose();
}
