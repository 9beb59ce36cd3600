using Microsoft.Extensions.Options;
using PprrBot.Data;
using PprrBot.Data.Outbox;
using PprrBot.Data.ReadModel;
using PprrBot.Data.RoutedQuestions;

namespace PprrBot.Routing;

/// <summary>
/// Reminders and escalation, by UK local date: the officer is reminded on the working day
/// <see cref="RoutingOptions.ReminderWorkingDaysBefore"/> before the answer-by date; the day after a missed
/// answer-by date, Democratic Services get an escalation and the member a note. Each happens once per question
/// (ReminderSentAt / EscalatedAt), saved with its outbox messages, so repeated sweeps and several instances
/// never send twice (the dedupe keys catch a race).
/// </summary>
internal sealed class ReminderSweep(
    IRoutingStore store,
    RoutingService routing,
    WorkingDayCalendar calendar,
    PprrSnapshotStore snapshots,
    IOptions<RoutingOptions> options,
    ILogger<ReminderSweep> logger)
{
    /// <returns>How many reminders and escalations were queued.</returns>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DeadlineCalculator.UkDate(now);
        var horizon = calendar.AddWorkingDays(today, options.Value.ReminderWorkingDaysBefore);
        var queued = 0;
        foreach (var question in await store.ListOpenDueAsync(horizon, cancellationToken))
        {
            var officer = snapshots.Current.ContactForRole(question.AssignedRole);
            var outbox = new List<OutboxMessage>();
            if (question.AnswerBy < today)
            {
                if (question.EscalatedAt is not null)
                {
                    continue;
                }

                question.EscalatedAt = now;
                question.History.Add(RoutingService.Event(now, RoutedQuestionEventKind.Escalated, "system", $"Answer-by {question.AnswerBy:yyyy-MM-dd} missed"));
                outbox.Add(routing.DemocraticServicesCopy(question, officer, $"Overdue: question {question.Reference}",
                    $"{officer?.Name ?? question.AssignedRole} has not answered by {RoutingCards.LongDate(question.AnswerBy)}. Please chase.", now, "escalation"));
                var note = RoutingCards.Notice($"Your question {question.Reference} is overdue",
                    $"It was due by {RoutingCards.LongDate(question.AnswerBy)}. Democratic Services are chasing it and will keep you informed.", question, officer);
                outbox.Add(RoutingService.Notification(RoutingNotificationPurposes.Escalation, note, conversationId: question.MemberConversationId, tenantId: question.TenantId)
                    .ToOutbox(RoutingNotificationKinds.TeamsConversation, $"{question.Reference}:escalation:member", now));
                RoutingLog.Escalated(logger, question.Id);
            }
            else
            {
                var reminderDay = calendar.AddWorkingDays(question.AnswerBy, -options.Value.ReminderWorkingDaysBefore);

                // A question asked on or after its reminder day needs no reminder: the officer's card is new.
                if (question.ReminderSentAt is not null || today < reminderDay || DeadlineCalculator.UkDate(question.CreatedAt) >= reminderDay || officer is null)
                {
                    continue;
                }

                question.ReminderSentAt = now;
                question.History.Add(RoutingService.Event(now, RoutedQuestionEventKind.Reminded, "system", null));
                outbox.Add(routing.OfficerCard(question, officer, $"{question.Reference}:reminder:{question.AnswerBy:yyyy-MM-dd}:{question.AssignedRole}", now,
                    banner: $"Reminder: please answer by {RoutingCards.LongDate(question.AnswerBy)}.", purpose: RoutingNotificationPurposes.Reminder));
                RoutingLog.Reminded(logger, question.Id);
            }

            try
            {
                await store.SaveAsync(question, outbox, cancellationToken);
                queued++;
            }
            catch (RoutingConcurrencyException)
            {
                // Answered or changed meanwhile; the next sweep looks again.
            }
        }

        return queued;
    }
}

/// <summary>Runs the reminder sweep every <see cref="Interval"/> on the injected clock.</summary>
internal sealed class RoutingClock(IServiceScopeFactory scopes, PprrDataReadiness readiness, TimeProvider time, ILogger<RoutingClock> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The first sweep waits this long after start, so its database queries (and their first-time compiling) do not
    /// compete for the CPU with the first members' questions; reminders are due by the day, so 10 s changes nothing.
    /// </summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The sweep reads officers from the snapshot (and its queries wait for the database anyway).
        await readiness.WhenSnapshotReadyAsync(stoppingToken);
        await Task.Delay(StartDelay, time, stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunOnceAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                RoutingLog.SweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
