using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PprrBot.Data.ReadModel;

/// <summary>
/// Rebuilds the snapshot from the database and swaps it in whole. <see cref="RefreshIfChangedAsync"/> is the
/// cheap poll that notices an import made by another process (`pprrbot import`): it reads only the import log.
/// </summary>
public sealed class PprrSnapshotRefresher(IServiceScopeFactory scopes, PprrSnapshotStore store, TimeProvider time, ILogger<PprrSnapshotRefresher> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (int Count, int LastId) _loadedMarker = (-1, -1);

    /// <returns>The snapshot swapped in.</returns>
    public async Task<PprrSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PprrDbContext>();
            var snapshot = await PprrSnapshotLoader.LoadAsync(db, time.GetUtcNow(), cancellationToken);
            store.Swap(snapshot);
            // The marker from the imports the snapshot read (first, so an import that lands during the load is noticed
            // by the next poll): two fewer queries to compile before a restart's first answer.
            _loadedMarker = (snapshot.Imports.Count, snapshot.Imports.Count > 0 ? snapshot.Imports.Max(i => i.Id) : 0);
            DataLog.SnapshotLoaded(logger, snapshot.Measures.Count, snapshot.Imports.Count, snapshot.IsSample);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <returns>True when the import log had changed and a new snapshot was swapped in.</returns>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PprrDbContext>();
            if (await ReadMarkerAsync(db, cancellationToken) == _loadedMarker)
            {
                return false;
            }
        }

        await RefreshAsync(cancellationToken);
        return true;
    }

    public void Dispose() => _gate.Dispose();

    // Count as well as the last id: clearing the sample deletes import rows.
    private static async Task<(int Count, int LastId)> ReadMarkerAsync(PprrDbContext db, CancellationToken cancellationToken) =>
        (await db.Imports.CountAsync(cancellationToken), await db.Imports.MaxAsync(i => (int?)i.Id, cancellationToken) ?? 0);
}
