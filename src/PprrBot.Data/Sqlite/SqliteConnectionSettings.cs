using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PprrBot.Data.Sqlite;

/// <summary>
/// Every SQLite connection the bot opens: write-ahead logging, so a reader never waits for a writer and a commit is one
/// append to the log (the mode is kept in the file, so setting it again costs nothing), and SQLite's own busy wait for
/// a writer queued behind another, which retries after a few milliseconds, instead of Microsoft.Data.Sqlite's fixed
/// 150 ms sleeps. With the rollback journal and no busy wait, 16 turns saving new conversations at once had a p99 of
/// 0.6 s (docs/performance.md, "Load"). The journal mode is set on the first connection to each file in the process
/// (it stays in the file); the busy wait belongs to each connection. An in-memory database keeps its own journal mode.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string BusyWait = "PRAGMA busy_timeout = 10000;";

    private readonly ConcurrentDictionary<string, bool> _inWal = new(StringComparer.Ordinal);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = _inWal.TryAdd(connection.DataSource, true) ? "PRAGMA journal_mode = WAL; " + BusyWait : BusyWait;
        return command;
    }
}
