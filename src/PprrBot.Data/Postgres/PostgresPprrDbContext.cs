using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PprrBot.Data.Postgres;

/// <summary>The PostgreSQL model; its migrations live in Postgres/Migrations.</summary>
public sealed class PostgresPprrDbContext(DbContextOptions<PostgresPprrDbContext> options) : PprrDbContext(options);

/// <summary>For `dotnet ef migrations add ... --context PostgresPprrDbContext`; never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPprrDbContext>
{
    public PostgresPprrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPprrDbContext>().UseNpgsql("Host=localhost;Database=pprrbot_design").Options);
}
