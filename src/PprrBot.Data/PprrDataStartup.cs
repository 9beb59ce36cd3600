using System.Data.Common;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;

namespace PprrBot.Data;

/// <summary>
/// In the background, while the host starts and takes requests (ADR-011): migrate the database (only when a migration
/// is pending), load the embedded sample if it holds no data, publishing a provisional snapshot of it at once, and
/// load the snapshot; <see cref="PprrDataReadiness"/> says how far it has got. Then poll the import log so an import
/// from another process shows up. If start-up fails the host stops, and stopping rethrows the failure, so the
/// process still ends with an error as it did when start-up blocked.
/// </summary>
internal sealed class PprrDataStartup(
    IServiceScopeFactory scopes,
    PprrSnapshotRefresher refresher,
    PprrSnapshotStore store,
    PprrDataReadiness readiness,
    IOptions<DataOptions> options,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<PprrDataStartup> logger) : BackgroundService
{
    private ExceptionDispatchInfo? _failure;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await StartUpAsync(stoppingToken);
        }
        catch (Exception exception)
        {
            readiness.Failed(exception);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            DataLog.StartupFailed(logger, exception);
            _failure = ExceptionDispatchInfo.Capture(exception);
            lifetime.StopApplication();
            return;
        }

        if (options.Value.RefreshSeconds == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await refresher.RefreshIfChangedAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                DataLog.RefreshFailed(logger, exception);
            }
        }
    }

    /// <summary>
    /// A failed start-up surfaces here, so Host.RunAsync throws and the exit code is not 0 (a failed BackgroundService
    /// alone only stops the host, which exits 0: dotnet/runtime#67146).
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _failure?.Throw();
    }

    private async Task StartUpAsync(CancellationToken cancellationToken)
    {
        PprrDataReadiness.MarkStartUpWork();
        var started = Stopwatch.GetTimestamp();
        var importedAt = time.GetUtcNow();

        // A SQLite file that is not there yet is certainly empty: the sample's provisional snapshot can be built on
        // another core while the file is created and migrated. Decided before the first connection creates it.
        var sample = options.Value.LoadSampleWhenEmpty && IsNewSqliteFile()
            ? Task.Run(() => PublishProvisional(importedAt), cancellationToken)
            : null;

        long contextDone, migrated, sampleDone;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PprrDbContext>();
            _ = db.Model; // the compiled model, loaded here so the Debug timings below show it apart from the migrations
            contextDone = Stopwatch.GetTimestamp();
            await MigrateIfPendingAsync(db, assumePending: sample is not null, cancellationToken);
            migrated = Stopwatch.GetTimestamp();
            DataLog.DatabaseReady(logger, options.Value.Provider);

            // Otherwise the snapshot load is the check: a database with imports is ready with it, in one step.
            if (sample is null)
            {
                var loaded = await refresher.RefreshAsync(cancellationToken);
                if (loaded.Imports.Count > 0 || !options.Value.LoadSampleWhenEmpty)
                {
                    LogTimings(started, contextDone, migrated, migrated, Stopwatch.GetTimestamp());
                    readiness.DatabaseReady();
                    return;
                }

                sample = Task.Run(() => PublishProvisional(importedAt), cancellationToken);
            }

            await ImportSampleAsync(scope.ServiceProvider.GetRequiredService<PprrImporter>(), importedAt, cancellationToken);
            sampleDone = Stopwatch.GetTimestamp();
        }

        await sample; // so the provisional snapshot is never swapped in after the database's

        await refresher.RefreshAsync(cancellationToken);
        LogTimings(started, contextDone, migrated, sampleDone, Stopwatch.GetTimestamp());
        readiness.DatabaseReady();
    }

    private bool IsNewSqliteFile() =>
        options.Value.Provider == DataProvider.Sqlite && !File.Exists(DataServiceCollectionExtensions.SqliteFile(options.Value, environment));

    private void PublishProvisional(DateTimeOffset importedAt)
    {
        if (PprrImporter.ProvisionalSampleSnapshot(importedAt) is { } snapshot)
        {
            store.Swap(snapshot);
            readiness.SnapshotReady();
            DataLog.ProvisionalSnapshot(logger, snapshot.Measures.Count);
        }
    }

    private async Task ImportSampleAsync(PprrImporter importer, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await importer.ImportSampleAsync(importedAt, cancellationToken);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException("The embedded sample data set does not pass the importer's checks: " + string.Join("; ", outcome.Problems));
            }

            DataLog.SampleLoaded(logger, outcome.Files.Count);
        }
        catch (DbUpdateException)
        {
            // Two instances started on an empty PostgreSQL database: the unique import index let one win, and the
            // snapshot loaded next is the winner's (the same sample this instance may already be answering from).
            DataLog.SampleLoadedElsewhere(logger);
        }
    }

    /// <summary>
    /// Migrates only when the history table lacks one of the assembly's migrations. Reading it with a plain command
    /// is cheap; asking EF (MigrateAsync, GetAppliedMigrationsAsync) first builds its history-table model, which was
    /// most of a restart's 340 ms when nothing was pending. When something is, MigrateAsync runs as before, under
    /// EF's migration lock, so instances starting together stay safe.
    /// </summary>
    internal static async Task<bool> MigrateIfPendingAsync(PprrDbContext db, bool assumePending, CancellationToken cancellationToken)
    {
        if (!assumePending && await AppliedMigrationsAsync(db, cancellationToken) is { } applied
            && db.Database.GetMigrations().All(applied.Contains))
        {
            return false;
        }

        await db.Database.MigrateAsync(cancellationToken);
        return true;
    }

    /// <returns>The applied migration ids, or null when the history cannot be read (no table yet): then migrate.</returns>
    private static async Task<HashSet<string>?> AppliedMigrationsAsync(PprrDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" """;
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }

            return applied;
        }
        catch (DbException)
        {
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private void LogTimings(long started, long contextDone, long migrated, long sampleDone, long end)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            long total = Ms(started, end), context = Ms(started, contextDone), migrate = Ms(contextDone, migrated);
            long sample = Ms(migrated, sampleDone), snapshot = Ms(sampleDone, end);
            DataLog.StartupTimings(logger, total, context, migrate, sample, snapshot);
        }
    }

    private static long Ms(long from, long to) => (long)Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
