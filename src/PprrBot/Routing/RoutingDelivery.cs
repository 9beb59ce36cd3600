using PprrBot.Data;
using PprrBot.Data.Outbox;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;

namespace PprrBot.Routing;

/// <summary>Where a proactive message landed.</summary>
public sealed record SentActivity(string ConversationId, string ActivityId);

/// <summary>
/// Sending, for routing's outbox: implemented over Protocol's connector client and the MailKit sender.
/// Transient failures (429, 5xx after the HTTP pipeline's own retries) throw, so the outbox tries again later.
/// </summary>
public interface IRoutingChannel
{
    /// <summary>
    /// Sends to the user's 1:1 chat with the bot, creating it if needed (user id = Teams id or Entra object id).
    /// Returns null when the user cannot be reached in Teams at all (the create is refused: 403/404), so the
    /// caller e-mails instead.
    /// </summary>
    Task<SentActivity?> SendToUserAsync(string userId, string? tenantId, BotMessage message, CancellationToken cancellationToken);

    Task<SentActivity> SendToConversationAsync(string conversationId, BotMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces a sent card for everyone who can see it (PUT the activity).</summary>
    Task UpdateAsync(string conversationId, string activityId, BotMessage message, CancellationToken cancellationToken);

    Task SendEmailAsync(string to, string subject, string plainTextBody, CancellationToken cancellationToken);
}

/// <summary>
/// The outbox table, as the delivery loop needs it. Implemented by the data feature; on PostgreSQL the claim
/// is <c>FOR UPDATE SKIP LOCKED</c> so two instances never hold the same row.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Claims up to <paramref name="max"/> unsent messages due by <paramref name="now"/> whose lease is free, for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string instanceId, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns>False when <paramref name="instanceId"/> no longer holds the claim (its lease ran out and another instance took it).</returns>
    Task<bool> MarkSentAsync(string instanceId, long id, string? resultId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Counts the attempt, keeps the error (no message text in it) and releases the lease until <paramref name="retryAt"/>.</summary>
    Task<bool> MarkFailedAsync(string instanceId, long id, string error, DateTimeOffset retryAt, CancellationToken cancellationToken);
}

public enum DeliveryResult
{
    Sent,
    Emailed,

    /// <summary>Neither Teams nor e-mail is possible: recorded in the history for Democratic Services.</summary>
    Undeliverable,
}

/// <summary>
/// Delivers one routing outbox message and records it in the question's history. At least once: a crash
/// between sending and marking sent sends again on restart, which is why notices carry the reference.
/// </summary>
internal sealed class RoutingDelivery(IRoutingChannel channel, IRoutingStore store, TimeProvider time, ILogger<RoutingDelivery> logger)
{
    public async Task<(DeliveryResult Result, SentActivity? Sent)> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var notification = RoutingNotification.Parse(message.PayloadJson);
        var bot = notification.ToBotMessage();
        (DeliveryResult, SentActivity?) outcome = message.Kind switch
        {
            RoutingNotificationKinds.TeamsPersonal when notification.ToUserId is { } user =>
                await channel.SendToUserAsync(user, notification.TenantId, bot, cancellationToken) is { } sent
                    ? (DeliveryResult.Sent, sent)
                    : await EmailAsync(notification, cancellationToken),
            RoutingNotificationKinds.TeamsConversation when notification.ConversationId is { } conversation =>
                (DeliveryResult.Sent, await channel.SendToConversationAsync(conversation, bot, cancellationToken)),
            RoutingNotificationKinds.TeamsUpdate when notification is { ConversationId: { } c, ActivityId: { } a } =>
                await UpdateAsync(c, a, bot, cancellationToken),
            _ => await EmailAsync(notification, cancellationToken),
        };

        if (message.RoutedQuestionId is { } questionId)
        {
            await RecordAsync(questionId, notification, outcome.Item1, outcome.Item2, cancellationToken);
        }

        return outcome;
    }

    private async Task<(DeliveryResult, SentActivity?)> UpdateAsync(string conversationId, string activityId, BotMessage message, CancellationToken cancellationToken)
    {
        await channel.UpdateAsync(conversationId, activityId, message, cancellationToken);
        return (DeliveryResult.Sent, new SentActivity(conversationId, activityId));
    }

    private async Task<(DeliveryResult, SentActivity?)> EmailAsync(RoutingNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Email is not { Length: > 0 } to)
        {
            return (DeliveryResult.Undeliverable, null);
        }

        await channel.SendEmailAsync(to, notification.EmailSubject ?? notification.Summary ?? "PprrBot question", notification.EmailBody ?? "", cancellationToken);
        return (DeliveryResult.Emailed, null);
    }

    // Best effort: the message has gone, so a failure here must not make the outbox send it again.
    private async Task RecordAsync(int questionId, RoutingNotification notification, DeliveryResult result, SentActivity? sent, CancellationToken cancellationToken)
    {
        var kind = (notification.Purpose, result) switch
        {
            (_, DeliveryResult.Undeliverable) => RoutedQuestionEventKind.DeliveryFailed,
            (RoutingNotificationPurposes.OfficerCard or RoutingNotificationPurposes.Reminder, DeliveryResult.Emailed) => RoutedQuestionEventKind.EmailedToOfficer,
            (RoutingNotificationPurposes.OfficerCard or RoutingNotificationPurposes.Reminder, _) => RoutedQuestionEventKind.SentToOfficer,
            (RoutingNotificationPurposes.DemocraticServicesCopy, _) => RoutedQuestionEventKind.CopiedToDemocraticServices,
            (RoutingNotificationPurposes.MemberAnswer or RoutingNotificationPurposes.MemberNote or RoutingNotificationPurposes.Escalation, _) => RoutedQuestionEventKind.MemberNotified,
            _ => (RoutedQuestionEventKind?)null,
        };
        if (kind is null)
        {
            return;
        }

        try
        {
            if (await store.FindAsync(questionId, cancellationToken) is not { } question)
            {
                return;
            }

            // The latest card the officer was sent (first or reminder) is the one updated for everyone on an answer.
            if (notification.Purpose is RoutingNotificationPurposes.OfficerCard or RoutingNotificationPurposes.Reminder && sent is not null)
            {
                question.OfficerConversationId = sent.ConversationId;
                question.OfficerCardActivityId = sent.ActivityId;
            }

            question.History.Add(RoutingService.Event(time.GetUtcNow(), kind.Value, "system", notification.Purpose));
            await store.SaveAsync(question, [], cancellationToken);
        }
        catch (RoutingConcurrencyException)
        {
            RoutingLog.DeliveryNotRecorded(logger, questionId);
        }
    }
}

/// <summary>
/// Claims due outbox messages and delivers them. A failed message waits longer after each attempt (1, 2, 4 ...
/// minutes, at most an hour): Teams outages and 429s delay a notification, never drop it. Transient HTTP retries
/// belong to the connector's resilience pipeline, not here.
/// </summary>
internal sealed class RoutingOutboxWorker(INotificationOutbox outbox, RoutingDelivery delivery, TimeProvider time, ILogger<RoutingOutboxWorker> logger)
{
    public const int BatchSize = 20;

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly string _instanceId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>This worker's claim name: unique per worker, so two instances (or two workers) never share a lease.</summary>
    public string InstanceId => _instanceId;

    /// <returns>How many messages were delivered (sent or e-mailed).</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var message in await outbox.ClaimAsync(_instanceId, BatchSize, Lease, time.GetUtcNow(), cancellationToken))
        {
            try
            {
                var (result, sent) = await delivery.DeliverAsync(message, cancellationToken);
                if (!await outbox.MarkSentAsync(_instanceId, message.Id, sent?.ActivityId, time.GetUtcNow(), cancellationToken))
                {
                    RoutingLog.ClaimLost(logger, message.Id);
                }

                if (result != DeliveryResult.Undeliverable)
                {
                    delivered++;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var retryAt = time.GetUtcNow() + Backoff(message.Attempts + 1);
                RoutingLog.DeliveryFailed(logger, message.Id, message.RoutedQuestionId, ex.GetType().Name, (ex as ConnectorException)?.StatusCode);
                await outbox.MarkFailedAsync(_instanceId, message.Id, ex.GetType().Name, retryAt, cancellationToken);
            }
        }

        return delivered;
    }

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}

/// <summary>Runs the outbox worker every few seconds on the injected clock.</summary>
internal sealed class RoutingOutboxPump(IServiceScopeFactory scopes, PprrDataReadiness readiness, TimeProvider time, ILogger<RoutingOutboxPump> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // As the reminder sweep: not in the way of the first answers. Notifications left from before a restart go 10 s later.
        await readiness.WhenSnapshotReadyAsync(stoppingToken);
        await Task.Delay(RoutingClock.StartDelay, time, stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RoutingOutboxWorker>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                RoutingLog.OutboxFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
