namespace PprrBot.Data.RoutedQuestions;

public enum RoutedQuestionStatus
{
    Open,
    Answered,
    Withdrawn,
}

/// <summary>A member's detailed question, routed to a contact officer ahead of a meeting.</summary>
public sealed class RoutedQuestion
{
    public int Id { get; set; }

    /// <summary>The reference a member quotes, e.g. PQ-0042.</summary>
    public required string Reference { get; set; }

    /// <summary>Conversation id + activity id of the message that asked it; unique, so a redelivery never makes a second question.</summary>
    public required string SourceKey { get; set; }

    public required string MemberAadObjectId { get; set; }

    public string? MemberChannelUserId { get; set; }

    public string? MemberName { get; set; }

    public string? TenantId { get; set; }

    /// <summary>The conversation the member asked in; the answer goes back there.</summary>
    public required string MemberConversationId { get; set; }

    public required string QuestionText { get; set; }

    public string? MeasureCode { get; set; }

    /// <summary>Finance line, savings scheme or topic words when the question is not about one measure.</summary>
    public string? Topic { get; set; }

    /// <summary>The figures the member saw when asking (period, value, target, RAG), as JSON, quoted to the officer.</summary>
    public string? ContextJson { get; set; }

    public required string AssignedRole { get; set; }

    public string? Committee { get; set; }

    public DateOnly? MeetingDate { get; set; }

    /// <summary>The meeting the question came too late for, when it was dated for a later one (or the service level).</summary>
    public DateOnly? MissedMeetingDate { get; set; }

    public DateOnly AnswerBy { get; set; }

    public RoutedQuestionStatus Status { get; set; }

    public string? AnswerText { get; set; }

    public string? AnsweredByName { get; set; }

    public string? AnsweredByAadObjectId { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Where the officer's card is, so it can be updated for everyone once answered.</summary>
    public string? OfficerConversationId { get; set; }

    public string? OfficerCardActivityId { get; set; }

    public DateTimeOffset? ReminderSentAt { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Optimistic concurrency: incremented by every save, which fails if someone else saved first.</summary>
    public int Version { get; set; }

    public List<RoutedQuestionEvent> History { get; set; } = [];
}
