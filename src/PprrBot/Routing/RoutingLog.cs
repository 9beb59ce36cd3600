namespace PprrBot.Routing;

// Ids only: never question text, names or contact details.
internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Routed question {QuestionId} ({Reference}) saved; measure {MeasureCode}")]
    public static partial void QuestionRouted(ILogger logger, int questionId, string reference, string? measureCode);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Send for routed question {QuestionId} repeated; no second question made")]
    public static partial void DuplicateSend(ILogger logger, int questionId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Refused {Verb} on routed question {QuestionId}: not the assigned officer or Democratic Services")]
    public static partial void Refused(ILogger logger, int questionId, string verb);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Routed question {QuestionId} answered")]
    public static partial void Answered(ILogger logger, int questionId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Routed question {QuestionId} reassigned")]
    public static partial void Reassigned(ILogger logger, int questionId);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Routed question {QuestionId} extended")]
    public static partial void Extended(ILogger logger, int questionId);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Reminder queued for routed question {QuestionId}")]
    public static partial void Reminded(ILogger logger, int questionId);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Routed question {QuestionId} missed its answer-by date; escalated")]
    public static partial void Escalated(ILogger logger, int questionId);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Error, Message = "Reminder sweep failed; it runs again at the next tick")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Delivery for routed question {QuestionId} was sent but not recorded in its history (changed meanwhile)")]
    public static partial void DeliveryNotRecorded(ILogger logger, int questionId);

    // The error's type and status only: a mail server's or connector's message may quote an address or the text.
    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Outbox message {OutboxId} (routed question {QuestionId}) not delivered ({Error}, status {StatusCode}); it will be tried again")]
    public static partial void DeliveryFailed(ILogger logger, long outboxId, int? questionId, string error, int? statusCode);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Error, Message = "Outbox pass failed; it runs again at the next tick")]
    public static partial void OutboxFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Information, Message = "Officer {UserId} cannot be reached in Teams (create conversation refused with {StatusCode} {Code}); falling back to e-mail")]
    public static partial void NotReachableInTeams(ILogger logger, string userId, int? statusCode, string? code);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Information, Message = "Routing e-mail accepted by the SMTP server")]
    public static partial void EmailSent(ILogger logger);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Warning, Message = "Outbox message {OutboxId} was delivered but this instance had lost its claim; another instance may send it again")]
    public static partial void ClaimLost(ILogger logger, long outboxId);
}
