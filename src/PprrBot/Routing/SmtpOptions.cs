using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PprrBot.Routing;

/// <summary>The SMTP server for officers who cannot be reached in Teams. Section "Smtp"; empty Host = no e-mail.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string Host { get; set; } = "";

    [Range(1, 65_535)]
    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS (required when true). Off only for a relay on the same host.</summary>
    public bool UseStartTls { get; set; } = true;

    public string User { get; set; } = "";

    /// <summary>A secret: user secrets or the environment (Smtp__Password) only.</summary>
    public string Password { get; set; } = "";

    /// <summary>The sender, e.g. "PprrBot &lt;pprrbot@council.gov.uk&gt;".</summary>
    public string From { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>When e-mail is configured, it must be usable: checked at start, not at the first e-mail.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add("Smtp:From must be an e-mail address (for example \"PprrBot <pprrbot@council.gov.uk>\") when Smtp:Host is set.");
        }

        if (!string.IsNullOrEmpty(options.User) && string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Smtp:Password must be set (user secrets or the environment variable Smtp__Password) when Smtp:User is set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
