using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PprrBot.Data.ReadModel;
using PprrBot.Data.Sqlite;

namespace PprrBot.Data.Tests;

public abstract class PprrDataStartupMigrationTests(TestProvider provider) : DatabaseTests(provider)
{
    [Fact]
    public async Task SkipsMigratingWhenEveryMigrationIsApplied()
    {
        await using var db = Database.NewContext();

        var migrated = await PprrDataStartup.MigrateIfPendingAsync(db, assumePending: false, Cancel);

        Assert.False(migrated);
    }

    [Fact]
    public async Task AppliesAMigrationThatIsPending()
    {
        await using var db = Database.NewContext();
        var all = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(all[^2], cancellationToken: Cancel);

        var migrated = await PprrDataStartup.MigrateIfPendingAsync(db, assumePending: false, Cancel);

        Assert.True(migrated);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync(Cancel));
    }
}

/// <summary>Two instances starting together on an empty PostgreSQL database, as a council's two App Service instances would.</summary>
public sealed class PprrDataStartupPostgresTests() : DatabaseTests(TestProvider.Postgres)
{
    [Fact]
    public async Task TwoInstancesStartingOnAnEmptyDatabaseBothAnswerFromTheOneSampleImport()
    {
        IHost Instance()
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Data:Provider"] = "Postgres", ["ConnectionStrings:Pprr"] = Database.ConnectionString, ["Data:RefreshSeconds"] = "0",
            });
            builder.AddPprrData();
            return builder.Build();
        }

        using var first = Instance();
        using var second = Instance();

        await Task.WhenAll(first.StartAsync(Cancel), second.StartAsync(Cancel));
        await Task.WhenAll(
            first.Services.GetRequiredService<PprrDataReadiness>().Database.WaitAsync(Cancel),
            second.Services.GetRequiredService<PprrDataReadiness>().Database.WaitAsync(Cancel));

        var one = first.Services.GetRequiredService<PprrSnapshotStore>().Current;
        var other = second.Services.GetRequiredService<PprrSnapshotStore>().Current;
        Assert.Equal(6, one.Imports.Count);
        Assert.Equal(one.Imports.Select(i => i.Id), other.Imports.Select(i => i.Id));
        Assert.Equal(one.Measure("CFE01")!.Current!.Value, other.Measure("CFE01")!.Current!.Value);
        await Task.WhenAll(first.StopAsync(Cancel), second.StopAsync(Cancel));
    }
}

public sealed class PprrDataStartupMigrationSqliteTests() : PprrDataStartupMigrationTests(TestProvider.Sqlite);

public sealed class PprrDataStartupMigrationPostgresTests() : PprrDataStartupMigrationTests(TestProvider.Postgres);

/// <summary>The data start-up in a host, as the bot runs it: in the background, with its readiness (ADR-011).</summary>
public sealed class PprrDataStartupTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pprr-startup-{Guid.NewGuid():N}.db");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnswersFromTheSampleWhileTheEmptyDatabaseIsStillBeingPrepared()
    {
        var gate = new ConnectionGate();
        using var host = Host(services => services.ConfigureDbContext<SqlitePprrDbContext>(o => o.AddInterceptors(gate)), ("Data:SqlitePath", _file));
        var readiness = host.Services.GetRequiredService<PprrDataReadiness>();
        var store = host.Services.GetRequiredService<PprrSnapshotStore>();

        await host.StartAsync(Cancel);
        await readiness.Snapshot.WaitAsync(Cancel);
        var provisional = store.Current;
        var databaseWasReady = readiness.Database.IsCompleted;
        gate.Open();
        await readiness.Database.WaitAsync(Cancel);

        Assert.False(databaseWasReady);
        Assert.Equal(38, provisional.Measures.Count);
        Assert.True(provisional.IsSample);
        Assert.NotSame(provisional, store.Current);
        Assert.Equal(provisional.Imports.Select(i => (i.Id, i.FileName)), store.Current.Imports.Select(i => (i.Id, i.FileName)));
        Assert.Equal(provisional.Measure("CFE01")!.Current!.Value, store.Current.Measure("CFE01")!.Current!.Value);
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task RestartOnALoadedDatabaseIsReadyWithoutImportingAgain()
    {
        using (var first = Host(null, ("Data:SqlitePath", _file)))
        {
            await first.StartAsync(Cancel);
            await first.Services.GetRequiredService<PprrDataReadiness>().Database.WaitAsync(Cancel);
            await first.StopAsync(Cancel);
        }

        using var second = Host(null, ("Data:SqlitePath", _file));
        await second.StartAsync(Cancel);
        await second.Services.GetRequiredService<PprrDataReadiness>().Database.WaitAsync(Cancel);

        var snapshot = second.Services.GetRequiredService<PprrSnapshotStore>().Current;
        Assert.Equal(6, snapshot.Imports.Count);
        Assert.Equal(38, snapshot.Measures.Count);
        await second.StopAsync(Cancel);
    }

    [Fact]
    public async Task KeepsTheSqliteFileInWriteAheadLoggingWithABusyWaitSoWritersQueueBriefly()
    {
        using var host = Host(null, ("Data:SqlitePath", _file));
        await host.StartAsync(Cancel);
        await host.Services.GetRequiredService<PprrDataReadiness>().Database.WaitAsync(Cancel);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PprrDbContext>();
        var journal = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync(Cancel);
        var busyTimeout = await db.Database.SqlQueryRaw<int>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync(Cancel);

        Assert.Equal("wal", journal);
        Assert.True(busyTimeout > 0, $"busy_timeout is {busyTimeout}");
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task ADatabaseFailureAtStartStopsTheHostWithAnError()
    {
        using var host = Host(null, ("Data:Provider", "Postgres"), ("ConnectionStrings:Pprr", "Host=127.0.0.1;Port=1;Timeout=1;Username=nobody"));
        var readiness = host.Services.GetRequiredService<PprrDataReadiness>();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.RunAsync(Cancel));

        var cause = readiness.Database.Exception!.InnerException!;
        Assert.True(error == cause || (error as AggregateException)?.InnerExceptions.Contains(cause) == true, $"RunAsync threw {error.GetType().Name}, not the start-up's failure");
    }

    private static IHost Host(Action<IServiceCollection>? configure, params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Append(new("Data:RefreshSeconds", "0")));
        builder.AddPprrData();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
