namespace PprrBot.Protocol;

/// <summary>
/// A connector call that failed after the retries it was allowed (protocol.md §3.6), or a service URL we may not call.
/// <see cref="Code"/> is Teams' error code, e.g. BotNotInConversationRoster or ConversationNotFound.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(string message, int? statusCode, string? code, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
    }

    /// <summary>The connector's HTTP status; null when no answer came (timeout, refused URL, local limit).</summary>
    public int? StatusCode { get; }

    public string? Code { get; }
}
