using System.Globalization;
using System.Text;

namespace PprrBot.Conversation;

/// <summary>
/// Turns what a member typed into lower-case word tokens: dashes, slashes and punctuation become spaces,
/// "%" and "£" become words, apostrophes vanish ("what's" -> "whats"), and plurals are folded.
/// </summary>
internal static class TextNormaliser
{
    public static List<string> Tokens(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var raw in text.Normalize(NormalizationForm.FormKC))
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (c is '\'' or '\u2019' or '\u2018')
            {
                // Drop apostrophes so "children's" and "childrens" agree.
            }
            else if (c == '%')
            {
                builder.Append(" % ");
            }
            else if (c == '£')
            {
                builder.Append(" £ ");
            }
            else if (c == '+')
            {
                builder.Append(" + ");
            }
            else
            {
                builder.Append(' ');
            }
        }

        var tokens = new List<string>();
        foreach (var word in builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            tokens.Add(Stem(word));
        }

        return tokens;
    }

    /// <summary>A light plural fold: enough that "pupils", "plans" and "priorities" meet their singulars.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal) && !word.EndsWith("ys", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    public static string Title(string text) => CultureInfo.GetCultureInfo("en-GB").TextInfo.ToTitleCase(text);
}
