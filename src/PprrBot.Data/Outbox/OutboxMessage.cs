namespace PprrBot.Data.Outbox;

/// <summary>
/// A notification waiting to be delivered. Written in the same transaction as the change that causes it,
/// delivered at least once, and recognised by <see cref="DedupeKey"/> if written twice.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Unique: the same logical notification is never queued twice.</summary>
    public required string DedupeKey { get; set; }

    /// <summary>What to do: send to a conversation, send to a user 1:1, update a card, send an e-mail.</summary>
    public required string Kind { get; set; }

    public required string PayloadJson { get; set; }

    public int? RoutedQuestionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>A delivering instance's lease; others skip the row until it expires.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public string? LockedBy { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The activity id the channel returned, e.g. to update the card later.</summary>
    public string? ResultId { get; set; }
}
