using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Persistence;

/// <summary>Creates contexts of the configured provider's type (<see cref="DatabaseProviders.CreateContext"/>).</summary>
public sealed class BlendSignDbContextFactory(string provider, DbContextOptions<BlendSignDbContext> options)
    : IDbContextFactory<BlendSignDbContext>
{
    public BlendSignDbContext CreateDbContext() => DatabaseProviders.CreateContext(provider, options);
}
