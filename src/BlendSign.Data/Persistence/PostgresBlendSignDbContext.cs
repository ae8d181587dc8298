using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Persistence;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that PostgreSQL keeps a migration history of its own
/// (<c>Migrations/Postgres</c>); <see cref="BlendSignDbContext"/>'s history is SQLite's. Code never names this type:
/// it asks <see cref="IDbContextFactory{BlendSignDbContext}"/> for a context.
/// </summary>
public sealed class PostgresBlendSignDbContext(DbContextOptions<BlendSignDbContext> options) : BlendSignDbContext(options);
