namespace PprrBot.Data.RoutedQuestions;

public enum RoutedQuestionEventKind
{
    Asked,
    Acknowledged,
    SentToOfficer,
    EmailedToOfficer,
    CopiedToDemocraticServices,
    Reassigned,
    Extended,
    Reminded,
    Escalated,
    Answered,
    MemberNotified,
    DeliveryFailed,
}

/// <summary>One step in a routed question's life: who, what, when. What an audit or FOI request asks for.</summary>
public sealed class RoutedQuestionEvent
{
    public int Id { get; set; }

    public int RoutedQuestionId { get; set; }

    public DateTimeOffset At { get; set; }

    public RoutedQuestionEventKind Kind { get; set; }

    /// <summary>Entra object id of whoever did it, or "system".</summary>
    public required string ActorId { get; set; }

    public string? Detail { get; set; }
}
