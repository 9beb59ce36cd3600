using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PprrBot.Data.Sqlite;

/// <summary>
/// Every SQLite connection the bot opens: write-ahead logging, so a reader never waits for a writer and a commit is one
/// append to the log (the mode is kept in the file, so setting it again costs nothing), and SQLite's own busy wait for
/// a writer queued behind another, which retries after a few milliseconds, instead of Microsoft.Data.Sqlite's fixed
/// 150 ms sleeps. With the rollback journal and no busy wait, 16 turns saving new conversations at once had a p99 of
/// 0.6 s (docs/performance.md, "Load"). An in-memory database keeps its own journal mode.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000;";

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

    private static DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        return command;
    }
}
