using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PprrBot.Data.Postgres;
using PprrBot.Data.Sqlite;

namespace PprrBot.Data.Tests.Model;

/// <summary>
/// The bot starts from the compiled models in Sqlite/CompiledModel and Postgres/CompiledModel (ADR-010), not from
/// the entity configurations; these tests fail when either has drifted from the code. Neither needs a server.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public void CompiledModelIsTheModelTheCodeBuilds(TestProvider provider)
    {
        using var db = Context(provider);
        var built = Describe(db.GetService<IDesignTimeModel>().Model);

        var compiled = Describe(db.Model);

        Assert.True(db.Model is RuntimeModel, "The context is not using the compiled model: is its DbContextModel attribute missing?");
        Assert.True(built == compiled,
            $"The compiled {provider} model is out of date. Regenerate it (the command is in ADR-010), then run this test again.\n" +
            string.Join("\n", Differences(built, compiled)));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public void MigrationsHoldEveryModelChange(TestProvider provider)
    {
        using var db = Context(provider);

        var pending = db.Database.HasPendingModelChanges();

        // The bot skips this check when it migrates (it costs start-up time), so it is made here.
        Assert.False(pending, $"The {provider} model has changes no migration holds: add a migration for each provider (ADR-002).");
    }

    /// <summary>Entity types, properties, keys, relationships and indexes, and each column's table, name, store type and converter.</summary>
    private static string Describe(IModel model) =>
        model.ToDebugString(MetadataDebugStringOptions.ShortDefault) + "\n" + string.Join("\n",
            model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e => e.GetProperties().Select(p =>
                $"{e.GetTableName()}.{p.GetColumnName()}: {p.ClrType} as {p.GetRelationalTypeMapping().StoreType}, converter {p.GetTypeMapping().Converter?.GetType().Name ?? "none"}, " +
                $"nullable {p.IsNullable}, max length {p.GetMaxLength()}, generated {p.ValueGenerated}, concurrency token {p.IsConcurrencyToken}")));

    private static IEnumerable<string> Differences(string built, string compiled)
    {
        var builtLines = built.Split('\n');
        var compiledLines = compiled.Split('\n');
        return builtLines.Except(compiledLines, StringComparer.Ordinal).Select(line => "code only:     " + line.Trim())
            .Concat(compiledLines.Except(builtLines, StringComparer.Ordinal).Select(line => "compiled only: " + line.Trim()));
    }

    private static PprrDbContext Context(TestProvider provider) => provider == TestProvider.Sqlite
        ? new SqlitePprrDbContext(new DbContextOptionsBuilder<SqlitePprrDbContext>().UseSqlite("Data Source=:memory:").Options)
        : new PostgresPprrDbContext(new DbContextOptionsBuilder<PostgresPprrDbContext>().UseNpgsql("Host=localhost;Database=pprrbot_model").Options);
}
