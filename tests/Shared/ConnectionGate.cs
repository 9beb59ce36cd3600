using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PprrBot.Testing;

/// <summary>Holds every database connection (the data start-up's first among them) until the test opens the gate.</summary>
internal sealed class ConnectionGate : DbConnectionInterceptor
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await _open.Task.WaitAsync(cancellationToken);
        return result;
    }
}
