using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PprrBot.Data;

/// <summary>
/// No query runs against a database that is still being migrated or loaded: every connection a context opens waits
/// for <see cref="PprrDataReadiness.Database"/>, except the start-up's own (ADR-011). Once ready it costs one check.
/// </summary>
internal sealed class PprrDataReadinessInterceptor(PprrDataReadiness readiness) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (MustWait)
        {
            readiness.Database.GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (MustWait)
        {
            await readiness.Database.WaitAsync(cancellationToken);
        }

        return result;
    }

    private bool MustWait => !readiness.Database.IsCompletedSuccessfully && !PprrDataReadiness.IsStartUpWork;
}
