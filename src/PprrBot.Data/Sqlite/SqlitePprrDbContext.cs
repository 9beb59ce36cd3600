using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PprrBot.Data.Sqlite;

/// <summary>The SQLite model; its migrations live in Sqlite/Migrations.</summary>
public sealed class SqlitePprrDbContext(DbContextOptions<SqlitePprrDbContext> options) : PprrDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset values; UTC ticks can (the outbox claims by due time).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

/// <summary>For `dotnet ef migrations add ... --context SqlitePprrDbContext`; never used at run time.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePprrDbContext>
{
    public SqlitePprrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePprrDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
