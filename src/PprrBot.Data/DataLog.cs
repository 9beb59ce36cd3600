using Microsoft.Extensions.Logging;

namespace PprrBot.Data;

internal static partial class DataLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Database ready ({Provider}); migrations applied")]
    public static partial void DatabaseReady(ILogger logger, DataProvider provider);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Database was empty: loaded the embedded sample data set ({Files} files)")]
    public static partial void SampleLoaded(ILogger logger, int files);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Snapshot loaded: {Measures} measures from {Imports} imports (sample: {IsSample})")]
    public static partial void SnapshotLoaded(ILogger logger, int measures, int imports, bool isSample);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Checking the import log for new data failed; will try again")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Another instance loaded the sample data set first")]
    public static partial void SampleLoadedElsewhere(ILogger logger);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Data start-up took {TotalMs} ms: first context {ContextMs} ms, migrations {MigrateMs} ms, sample {SampleMs} ms, snapshot {SnapshotMs} ms")]
    public static partial void StartupTimings(ILogger logger, long totalMs, long contextMs, long migrateMs, long sampleMs, long snapshotMs);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Answering from the embedded sample ({Measures} measures) while it is imported into the empty database")]
    public static partial void ProvisionalSnapshot(ILogger logger, int measures);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Critical, Message = "Data start-up failed; stopping the bot")]
    public static partial void StartupFailed(ILogger logger, Exception exception);
}
