using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Persistence;

// A type of its own only so that PostgreSQL keeps a migration history of its own (Migrations/Postgres). Code never
// names this type: it asks IDbContextFactory<BlendSignDbContext> for a context.
public sealed class PostgresBlendSignDbContext(DbContextOptions<BlendSignDbContext> options) : BlendSignDbContext(options);
