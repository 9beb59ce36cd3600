using System.ComponentModel.DataAnnotations;

namespace PprrBot.Conversation;

/// <summary>
/// Optional Azure OpenAI help for questions the deterministic reading is unsure of. Off unless an endpoint
/// and deployment are set. The model only chooses an intent and measure codes from the catalogue; it never
/// supplies a number.
/// </summary>
public sealed class AiOptions : IValidatableObject
{
    /// <summary>The Azure OpenAI resource, e.g. https://council-ai.openai.azure.com/.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The chat model deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>An API key (a secret: from user-secrets, environment or Key Vault). Empty means managed identity.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long a member waits for the model before the deterministic answer is used.</summary>
    [Range(0.1, 30)]
    public double TimeoutSeconds { get; set; } = 2;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Ai:Endpoint must be an absolute URL such as https://<resource>.openai.azure.com/.", [nameof(Endpoint)]);
        }

        if (string.IsNullOrWhiteSpace(Deployment))
        {
            yield return new ValidationResult("Ai:Deployment must name the chat deployment when Ai:Endpoint is set.", [nameof(Deployment)]);
        }
    }
}
