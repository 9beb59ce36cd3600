using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PprrBot.Data.Conversations;
using PprrBot.Protocol;

namespace PprrBot.Routing;

/// <summary>
/// Routing's way out: Teams through Protocol's <see cref="IConversationSender"/> (1:1 chats created proactively,
/// protocol.md §3.4), and e-mail through MailKit for officers who cannot be reached in Teams.
/// </summary>
internal sealed class RoutingChannel(
    IConversationSender sender,
    IConversationReferenceStore references,
    IOptions<RoutingOptions> routing,
    IOptions<SmtpOptions> smtp,
    IOptions<BotOptions> bot,
    ILogger<RoutingChannel> logger) : IRoutingChannel
{
    public async Task<SentActivity?> SendToUserAsync(string userId, string? tenantId, BotMessage message, CancellationToken cancellationToken)
    {
        // A 1:1 chat already seen (the officer wrote to the bot, or we created it before) is used as it is.
        if (await references.FindPersonalByUserAsync(userId, cancellationToken) is { } known)
        {
            try
            {
                return new SentActivity(known.ConversationId, await sender.SendAsync(known, message, cancellationToken) ?? "");
            }
            catch (ConnectorException ex) when (ex.Code is "ConversationNotFound" or "BotNotInConversationRoster")
            {
                // The sender forgot the reference; create the conversation again once, below.
            }
        }

        if (string.IsNullOrEmpty(tenantId))
        {
            return null;
        }

        string conversationId;
        try
        {
            conversationId = await sender.CreatePersonalConversationAsync(userId, tenantId, routing.Value.TeamsServiceUrl, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.StatusCode is 403 or 404)
        {
            // Not installed for the user, blocked, or no such user: e-mail instead (a 429 or 5xx throws and is retried).
            RoutingLog.NotReachableInTeams(logger, userId, ex.StatusCode, ex.Code);
            return null;
        }

        return new SentActivity(conversationId, await sender.SendAsync(conversationId, message, cancellationToken) ?? "");
    }

    public async Task<SentActivity> SendToConversationAsync(string conversationId, BotMessage message, CancellationToken cancellationToken) =>
        new(conversationId, await sender.SendAsync(conversationId, message, cancellationToken) ?? "");

    public Task UpdateAsync(string conversationId, string activityId, BotMessage message, CancellationToken cancellationToken) =>
        sender.UpdateAsync(conversationId, activityId, message, cancellationToken);

    public async Task SendEmailAsync(string to, string subject, string plainTextBody, CancellationToken cancellationToken)
    {
        var options = smtp.Value;
        if (!options.IsConfigured)
        {
            // Thrown, not dropped: the outbox keeps the message and tries again once e-mail is configured.
            throw new InvalidOperationException("E-mail is not configured (Smtp:Host is empty).");
        }

        var email = new MimeMessage();
        email.From.Add(MailboxAddress.Parse(options.From));
        email.To.Add(MailboxAddress.Parse(to));
        email.Subject = subject;
        email.Body = new TextPart("plain") { Text = WithLinkBack(plainTextBody) };

        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host, options.Port, options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(options.User))
        {
            await client.AuthenticateAsync(options.User, options.Password, cancellationToken);
        }

        await client.SendAsync(email, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        RoutingLog.EmailSent(logger);
    }

    /// <summary>The e-mail ends with a way back into Teams: the bot's chat, when the app id is known.</summary>
    internal string WithLinkBack(string body)
    {
        var appId = bot.Value.AppId;
        var link = string.IsNullOrWhiteSpace(appId)
            ? "To answer, reply to Democratic Services, who will record your answer."
            : $"To answer in Teams, open PprrBot: https://teams.microsoft.com/l/chat/0/0?users=28:{Uri.EscapeDataString(appId)}";
        return $"{body}\n\n{link}\n";
    }
}
