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

        // Figures keep the precision the report printed (95.0 stays 95.0, 80 stays 80). SQLite's own decimal
        // text always adds a decimal place, which would show 80 as 80.0; the invariant form keeps the scale.
        configurationBuilder.Properties<decimal>().HaveConversion<ExactDecimalConverter>();
    }

    internal sealed class ExactDecimalConverter() : ValueConverter<decimal, string>(
        value => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        text => decimal.Parse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture));

    internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

/// <summary>For `dotnet ef migrations add ... --context SqlitePprrDbContext`; never used at run time.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePprrDbContext>
{
    public SqlitePprrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePprrDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
