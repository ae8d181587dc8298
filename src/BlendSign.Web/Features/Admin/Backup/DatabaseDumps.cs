using BlendSign.Data.Configuration;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Admin.Backup;

public sealed class DatabaseDumps(
    IDbContextFactory<BlendSignDbContext> dbFactory, IOptions<BlendSignOptions> blendSign, IOptions<BackupOptions> backup)
{
    public string Provider => blendSign.Value.DatabaseProvider;

    public IDatabaseDump Create()
    {
        using var db = dbFactory.CreateDbContext();
        var connection = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");
        return Provider == DatabaseProviders.Postgres
            ? new PostgresDatabaseDump(connection, backup.Value)
            : new SqliteDatabaseDump(connection);
    }
}
