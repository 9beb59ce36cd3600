using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PprrBot.Data.Postgres;
using PprrBot.Data.Sqlite;

namespace PprrBot.Data.Tests;

public enum TestProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, migrated database for one test: a temporary SQLite file, or a throw-away
/// database on the PostgreSQL server named by PPRR_TEST_POSTGRES. Without that variable PostgreSQL tests are
/// skipped with a message saying how to run them.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PPRR_TEST_POSTGRES";

    private readonly string? _sqliteFile;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;
    private readonly Action<DbContextOptionsBuilder> _configure;

    private TestDatabase(
        TestProvider provider, string connectionString, Action<DbContextOptionsBuilder> configure, string? sqliteFile, string? postgresAdmin, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _configure = configure;
        _sqliteFile = sqliteFile;
        _postgresAdmin = postgresAdmin;
        _postgresDatabase = postgresDatabase;
    }

    public TestProvider Provider { get; }

    /// <summary>For a host configured as the bot is (ConnectionStrings:Pprr).</summary>
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(TestProvider provider, CancellationToken cancellationToken)
    {
        TestDatabase database;
        if (provider == TestProvider.Sqlite)
        {
            // A file, not :memory:, so that concurrent tests (the outbox claim) get real separate connections.
            var path = Path.Combine(Path.GetTempPath(), $"pprr-test-{Guid.NewGuid():N}.db");
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;
            database = new TestDatabase(provider, connectionString, options => options.UseSqlite(connectionString), path, null, null);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(admin))
            {
                Assert.Skip($"PostgreSQL tests skipped: set {PostgresVariable} to a connection string for a server where the user may create databases " +
                    "(for example Host=127.0.0.1;Port=5432;Username=postgres), or run .ci/run, which starts one.");
            }

            var name = "pprr_test_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync(cancellationToken);
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            database = new TestDatabase(provider, connectionString, options => options.UseNpgsql(connectionString), null, admin, name);
            await PostgresMarker.AppendAsync(TestContext.Current.Test?.TestDisplayName ?? name, cancellationToken);
        }

        await using var db = database.NewContext();
        await db.Database.MigrateAsync(cancellationToken);
        return database;
    }

    public PprrDbContext NewContext()
    {
        if (Provider == TestProvider.Sqlite)
        {
            var builder = new DbContextOptionsBuilder<SqlitePprrDbContext>();
            _configure(builder);
            return new SqlitePprrDbContext(builder.Options);
        }

        var postgres = new DbContextOptionsBuilder<PostgresPprrDbContext>();
        _configure(postgres);
        return new PostgresPprrDbContext(postgres.Options);
    }

    /// <summary>Registers this database as the app's PprrDbContext, as AddPprrData does.</summary>
    public void AddTo(IServiceCollection services)
    {
        if (Provider == TestProvider.Sqlite)
        {
            services.AddDbContext<PprrDbContext, SqlitePprrDbContext>(_configure);
        }
        else
        {
            services.AddDbContext<PprrDbContext, PostgresPprrDbContext>(_configure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Tests that run once per provider: derive, and add one sealed subclass per provider.</summary>
public abstract class DatabaseTests(TestProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, Cancel);

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
