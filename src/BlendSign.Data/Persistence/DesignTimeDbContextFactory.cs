using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BlendSign.Data.Persistence;

/// <summary>Used by <c>dotnet ef migrations add</c> only.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BlendSignDbContext>
{
    public BlendSignDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BlendSignDbContext>().UseSqlite("Data Source=design.db").Options);
}
