namespace PprrBot.Conversation;

/// <summary>
/// Turns what a member typed into lower-case word tokens: dashes, slashes and punctuation become spaces,
/// "%" and "£" become words, apostrophes vanish ("what's" -> "whats"), and plurals are folded.
/// </summary>
internal static class TextNormaliser
{
    public static List<string> Tokens(string text)
    {
        // No Unicode compatibility folding (NFKC): without ICU (ADR-012) .NET leaves full-width forms and ligatures as
        // they are. What members type (smart quotes, dashes, no-break spaces, "£") is handled below either way.
        var tokens = new List<string>();
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = c;
                continue;
            }

            if (c is '\'' or '\u2019' or '\u2018')
            {
                // Drop apostrophes so "children's" and "childrens" agree.
                continue;
            }

            if (length > 0)
            {
                tokens.Add(Stem(buffer[..length]));
                length = 0;
            }

            if (c is '%' or '£' or '+')
            {
                tokens.Add(c switch { '%' => "%", '£' => "£", _ => "+" });
            }
        }

        if (length > 0)
        {
            tokens.Add(Stem(buffer[..length]));
        }

        return tokens;
    }

    /// <summary>A light plural fold: enough that "pupils", "plans" and "priorities" meet their singulars.</summary>
    public static string Stem(string word) => Stem(word.AsSpan());

    private static string Stem(ReadOnlySpan<char> word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word.ToString();
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return string.Concat(word[..^3], "y");
        }

        if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word[..^2].ToString();
        }

        if (word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal) && !word.EndsWith("ys", StringComparison.Ordinal))
        {
            return word[..^1].ToString();
        }

        return word.ToString();
    }

    public static string Title(string text) => Cards.UkFormat.Culture.TextInfo.ToTitleCase(text);
}
