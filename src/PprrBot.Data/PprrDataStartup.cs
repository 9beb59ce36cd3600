using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;

namespace PprrBot.Data;

/// <summary>
/// On start: migrate the database, load the embedded sample if it holds no data, and load the snapshot, all
/// before the bot takes requests. Then poll the import log so an import from another process shows up.
/// </summary>
internal sealed class PprrDataStartup(
    IServiceScopeFactory scopes,
    PprrSnapshotRefresher refresher,
    IOptions<DataOptions> options,
    TimeProvider time,
    ILogger<PprrDataStartup> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        long contextDone, migrated, sampleDone;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PprrDbContext>();
            _ = db.Model; // the compiled model, loaded here so the Debug timings below show it apart from the migrations
            contextDone = Stopwatch.GetTimestamp();
            await db.Database.MigrateAsync(cancellationToken);
            migrated = Stopwatch.GetTimestamp();
            DataLog.DatabaseReady(logger, options.Value.Provider);

            if (options.Value.LoadSampleWhenEmpty && !await db.Imports.AnyAsync(cancellationToken))
            {
                try
                {
                    var outcome = await scope.ServiceProvider.GetRequiredService<PprrImporter>().ImportSampleAsync(cancellationToken);
                    if (!outcome.Succeeded)
                    {
                        throw new InvalidOperationException("The embedded sample data set does not pass the importer's checks: " + string.Join("; ", outcome.Problems));
                    }

                    DataLog.SampleLoaded(logger, outcome.Files.Count);
                }
                catch (DbUpdateException)
                {
                    // Two instances started on an empty PostgreSQL database: the unique import index let one win.
                    DataLog.SampleLoadedElsewhere(logger);
                }
            }

            sampleDone = Stopwatch.GetTimestamp();
        }

        await refresher.RefreshAsync(cancellationToken);
        LogTimings(started, contextDone, migrated, sampleDone, Stopwatch.GetTimestamp());
        await base.StartAsync(cancellationToken);
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
}
