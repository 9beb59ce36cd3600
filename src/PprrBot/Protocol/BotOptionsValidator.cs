using Microsoft.Extensions.Options;

namespace PprrBot.Protocol;

/// <summary>Refuses to start a bot that could not authenticate: no app id outside local development.</summary>
internal sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            if (LocalDevelopment.IsAllowed(environment, options))
            {
                return ValidateOptionsResult.Success;
            }

            return ValidateOptionsResult.Fail(
                "Bot:AppId is not set. Set Bot:AppId, Bot:AppPassword and Bot:TenantId to the Azure Bot registration " +
                "(environment variables Bot__AppId, Bot__AppPassword, Bot__TenantId), or, for local development only, " +
                "run with ASPNETCORE_ENVIRONMENT=Development and Bot:AllowUnauthenticatedLocalRequests=true.");
        }

        var failures = new List<string>();
        if (!Guid.TryParse(options.AppId, out _))
        {
            failures.Add("Bot:AppId must be the Azure Bot's Microsoft App Id (a GUID).");
        }

        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add("Bot:TenantId is not set: single-tenant bots get their outbound token from their own tenant.");
        }

        if (string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add("Bot:AppPassword is not set: the bot needs its client secret to reply (use user secrets or Bot__AppPassword).");
        }

        if (options.EnableEntraTokens && options.AllowedEntraCallers.Count == 0)
        {
            failures.Add("Bot:EnableEntraTokens needs Bot:AllowedEntraCallers (the client ids allowed to call).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The Development-only bypass of protocol.md §2.5, in one place.</summary>
internal static class LocalDevelopment
{
    public static bool IsAllowed(IHostEnvironment environment, BotOptions options) =>
        options.AllowUnauthenticatedLocalRequests && environment.IsDevelopment();
}
