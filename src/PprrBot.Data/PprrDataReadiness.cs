using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PprrBot.Data;

/// <summary>
/// How far the data start-up has got (ADR-011). <see cref="Snapshot"/>: answers may be given (the sample's provisional
/// snapshot or the database's). <see cref="Database"/>: migrated, sample imported, snapshot loaded from it; until then
/// <see cref="PprrDataReadinessInterceptor"/> holds back every database connection but the start-up's own. Both fault
/// with the start-up's exception if it fails.
/// </summary>
internal sealed class PprrDataReadiness
{
    private static readonly AsyncLocal<bool> InStartUp = new();

    private readonly TaskCompletionSource _snapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _database = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PprrDataReadiness()
    {
    }

    public Task Snapshot => _snapshot.Task;

    public Task Database => _database.Task;

    public bool IsReady => Snapshot.IsCompletedSuccessfully && Database.IsCompletedSuccessfully;

    /// <summary>Nothing to wait for: no background start-up prepares the data (tests, tools, `pprrbot import`).</summary>
    public static PprrDataReadiness Ready()
    {
        var readiness = new PprrDataReadiness();
        readiness.DatabaseReady();
        return readiness;
    }

    /// <summary>
    /// Registers <see cref="Ready"/> unless a readiness is registered already (AddPprrData's, which waits for the
    /// start-up): every feature that waits on readiness calls this, so each also works in hosts without the data start-up.
    /// </summary>
    internal static IServiceCollection TryAddReady(IServiceCollection services)
    {
        services.TryAddSingleton(_ => Ready());
        return services;
    }

    /// <summary>Waits for <see cref="PprrDataStartup"/>, which <see cref="DataServiceCollectionExtensions.AddPprrData"/> registers.</summary>
    internal static PprrDataReadiness Starting() => new();

    /// <summary>True on the start-up's own flow, which may use the database before it is ready.</summary>
    internal static bool IsStartUpWork => InStartUp.Value;

    public Task WhenSnapshotReadyAsync(CancellationToken cancellationToken) =>
        Snapshot.IsCompletedSuccessfully ? Task.CompletedTask : Snapshot.WaitAsync(cancellationToken);

    /// <summary>Marks the calling flow (and what it awaits) as start-up work; the flag does not leak to the caller.</summary>
    internal static void MarkStartUpWork() => InStartUp.Value = true;

    internal void SnapshotReady() => _snapshot.TrySetResult();

    internal void DatabaseReady()
    {
        _snapshot.TrySetResult();
        _database.TrySetResult();
    }

    internal void Failed(Exception exception)
    {
        _snapshot.TrySetException(exception);
        _database.TrySetException(exception);
    }
}
