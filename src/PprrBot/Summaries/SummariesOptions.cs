using System.ComponentModel.DataAnnotations;

namespace PprrBot.Summaries;

/// <summary>Chair summaries. Section "SummariesOptions".</summary>
public sealed class SummariesOptions
{
    /// <summary>
    /// Let a configured chat model (an <c>IChatClient</c> registered by the host) phrase the spoken briefing. Its
    /// wording is used only when every figure in it appears in the data; otherwise the template is read.
    /// </summary>
    public bool UseModelWording { get; set; }

    /// <summary>How long to wait for the model before reading the template instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan ModelTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
