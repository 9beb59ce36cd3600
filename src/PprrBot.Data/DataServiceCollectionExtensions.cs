using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PprrBot.Data.Conversations;
using PprrBot.Data.Imports;
using PprrBot.Data.Outbox;
using PprrBot.Data.Postgres;
using PprrBot.Data.ReadModel;
using PprrBot.Data.Sqlite;

namespace PprrBot.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Pprr";

    /// <summary>
    /// The database (SQLite file by default, PostgreSQL when Data:Provider=Postgres), the importer, the outbox,
    /// conversation references, and the snapshot the bot answers from. The service also migrates, loads the
    /// sample when empty and keeps the snapshot current (<see cref="PprrDataStartup"/>), in the background:
    /// <see cref="PprrDataReadiness"/> says when answers and the database may be used (ADR-011).
    /// </summary>
    public static IHostApplicationBuilder AddPprrData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(PprrDataReadiness.Starting());
        builder.AddPprrDatabase();
        builder.Services.AddHostedService<PprrDataStartup>();
        return builder;
    }

    /// <summary>The database and importer only, for `pprrbot import` and other commands that do not serve.</summary>
    public static IHostApplicationBuilder AddPprrDatabase(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DataOptions>()
            .BindConfiguration(DataOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IConfiguration>(
                (options, configuration) => options.Provider != DataProvider.Postgres || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName)),
                MissingConnectionString)
            .ValidateOnStart();

        // The provider decides the context type (each has its own migrations), so it is read now; fail fast here too.
        // Contexts are pooled: the routing store takes one for each operation (ADR-015), and constructing one (options,
        // EF's service provider lookup) cost more than answering most questions (load profile, ADR-008).
        var provider = builder.Configuration.GetSection(DataOptions.SectionName).GetValue(nameof(DataOptions.Provider), DataProvider.Sqlite);
        if (provider == DataProvider.Postgres)
        {
            var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(MissingConnectionString);
            }

            services.AddDbContextPool<PprrDbContext, PostgresPprrDbContext>(
                (sp, options) => options.UseNpgsql(connectionString).ConfigureWarnings(SkipPendingModelCheck)
                    .AddInterceptors(sp.GetRequiredService<PprrDataReadinessInterceptor>()));
        }
        else
        {
            services.AddDbContextPool<PprrDbContext, SqlitePprrDbContext>(
                (sp, options) => options.UseSqlite(SqliteConnectionString(sp.GetRequiredService<IOptions<DataOptions>>().Value, sp.GetRequiredService<IHostEnvironment>()))
                    .ConfigureWarnings(SkipPendingModelCheck)
                    .AddInterceptors(sp.GetRequiredService<PprrDataReadinessInterceptor>(), SqliteConnectionSettings.Instance));
        }

        // Ready from the start unless AddPprrData registered the background start-up's readiness first.
        PprrDataReadiness.TryAddReady(services);
        services.AddSingleton<PprrDataReadinessInterceptor>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PprrSnapshotStore>();
        services.AddSingleton<PprrSnapshotRefresher>();
        services.AddScoped<PprrImporter>();
        services.AddScoped<OutboxStore>();
        // Registered before Protocol's in-memory fallback (TryAdd), so the database store wins.
        services.AddSingleton<IConversationReferenceStore, EfConversationReferenceStore>();
        return builder;
    }

    /// <summary>
    /// Migrate's check that the migrations match the model builds the whole design-time model (the compiled model
    /// cannot answer it), which cost start-up about as much as the compiled model saves. The same check runs as a
    /// test for both providers (ModelTests), so a model change without its migration still fails the build.
    /// </summary>
    private static void SkipPendingModelCheck(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    private const string MissingConnectionString =
        "Data:Provider is Postgres but ConnectionStrings:Pprr is not set. Set it (for example the environment variable ConnectionStrings__Pprr=\"Host=...;Database=pprrbot;Username=...;Password=...\") or use Data:Provider=Sqlite.";

    internal static string SqliteFile(DataOptions options, IHostEnvironment environment) =>
        Path.GetFullPath(options.SqlitePath, environment.ContentRootPath);

    /// <summary>The SQLite file under the content root (unless absolute); its folder is created if missing.</summary>
    internal static string SqliteConnectionString(DataOptions options, IHostEnvironment environment)
    {
        var path = SqliteFile(options, environment);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }
}
