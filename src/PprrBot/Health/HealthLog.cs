namespace PprrBot.Health;

internal static partial class HealthLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Health check could not reach the database")]
    public static partial void DatabaseUnreachable(ILogger logger, Exception exception);
}
