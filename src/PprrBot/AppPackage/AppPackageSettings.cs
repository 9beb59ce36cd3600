namespace PprrBot.AppPackage;

/// <summary>What differs per council and per release: the values that fill the manifest's placeholders.</summary>
/// <param name="AppId">The Azure Bot's Microsoft App ID (a GUID); also used as the Teams app id.</param>
/// <param name="BotDomain">The bot's public host name, e.g. pprrbot.council.gov.uk; null leaves validDomains out.</param>
/// <param name="Version">MAJOR.MINOR.PATCH; null keeps the manifest's own version.</param>
internal sealed record AppPackageSettings(string AppId, string? BotDomain = null, string? Version = null);
