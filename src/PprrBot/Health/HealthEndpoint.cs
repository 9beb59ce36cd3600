using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PprrBot.Data;
using PprrBot.Data.ReadModel;

namespace PprrBot.Health;

/// <summary>
/// GET /healthz: is the database reachable, what data is loaded, is it the sample, when was it last imported. 503
/// "starting" until the data start-up has finished (ADR-011), so a load balancer sends members elsewhere till then.
/// </summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> GetAsync(
        PprrDbContext db,
        PprrSnapshotStore store,
        PprrDataReadiness readiness,
        IOptions<DataOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return Results.Json(new StartingReport(readiness.Database.IsFaulted ? "failed" : "starting"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        bool reachable;
        try
        {
            reachable = await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            HealthLog.DatabaseUnreachable(loggers.CreateLogger(typeof(HealthEndpoint)), exception);
            reachable = false;
        }

        var snapshot = store.Current;
        var last = snapshot.LastImport;
        var report = new HealthReport(
            reachable ? "ok" : "unavailable",
            new DatabaseHealth(options.Value.Provider.ToString(), reachable),
            new DataHealth(
                Loaded: snapshot.Measures.Count > 0,
                Measures: snapshot.Measures.Count,
                Results: snapshot.Measures.Sum(m => m.Results.Count),
                Sample: snapshot.IsSample,
                SnapshotLoadedAt: snapshot.Measures.Count > 0 ? snapshot.LoadedAt : null,
                LastImportedAt: last?.ImportedAt,
                LastImportFile: last?.FileName));
        return Results.Json(report, statusCode: reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    internal sealed record StartingReport(string Status);

    internal sealed record HealthReport(string Status, DatabaseHealth Database, DataHealth Data);

    internal sealed record DatabaseHealth(string Provider, bool Reachable);

    internal sealed record DataHealth(
        bool Loaded, int Measures, int Results, bool Sample, DateTimeOffset? SnapshotLoadedAt, DateTimeOffset? LastImportedAt, string? LastImportFile);
}
