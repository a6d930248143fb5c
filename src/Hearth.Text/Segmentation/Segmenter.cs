using System.Text.RegularExpressions;

namespace Hearth.Text.Segmentation;

/// <summary>
/// Splits text into sentences and tokens, keeping character offsets into the original text (as cloud NLP
/// services report them). Rules, not a model: abbreviations ("Dr.", "e.g.", "U.S."), initials ("J. Smith"),
/// decimals, URLs and e-mail addresses do not end sentences; blank lines always do.
/// </summary>
public static partial class Segmenter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "fig", "approx", "dept", "est", "gen", "gov",
        "sen", "rep", "mme", "mlle", "av", "cf", "p", "pp", "vol", "ed", "eds", "al",
    };

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        foreach (Match match in TokenPattern().Matches(text))
        {
            var kind = match.Groups["url"].Success ? TokenKind.Url
                : match.Groups["email"].Success ? TokenKind.Email
                : match.Groups["number"].Success ? TokenKind.Number
                : match.Groups["word"].Success ? TokenKind.Word
                : char.IsPunctuation(match.Value[0]) ? TokenKind.Punctuation
                : TokenKind.Symbol;
            tokens.Add(new Token(match.Index, match.Length, match.Value, kind));
        }

        return tokens;
    }

    public static IReadOnlyList<Sentence> Sentences(string text)
    {
        var tokens = Tokenize(text);
        var sentences = new List<Sentence>();
        var first = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            if (next is null || EndsSentence(text, tokens, i, next))
            {
                var start = tokens[first].Start;
                var end = tokens[i].End;
                sentences.Add(new Sentence(start, end - start, text[start..end], tokens.Skip(first).Take(i - first + 1).ToList()));
                first = i + 1;
            }
        }

        return sentences;
    }

    private static bool EndsSentence(string text, IReadOnlyList<Token> tokens, int i, Token next)
    {
        var gap = text.AsSpan(tokens[i].End, next.Start - tokens[i].End);
        if (gap.Count('\n') >= 2)
        {
            return true; // a blank line: a paragraph (or a heading) ends
        }

        var token = tokens[i];
        if (token.Kind != TokenKind.Punctuation || token.Text is not ("." or "!" or "?" or "…" or "..." or "?!" or "!?"))
        {
            // A closing quote or bracket right after terminal punctuation belongs to the sentence it closes.
            return token.Text is "\"" or "»" or "”" or ")" && i > 0 && tokens[i - 1].Text is "." or "!" or "?" && StartsSentence(next);
        }

        if (next.Text is "\"" or "»" or "”" or ")" && gap.Length == 0)
        {
            return false;
        }

        if (gap.Length == 0 || !StartsSentence(next))
        {
            return false;
        }

        if (token.Text == "." && i > 0 && tokens[i - 1] is { Kind: TokenKind.Word } previous && tokens[i - 1].End == token.Start)
        {
            // "Dr." "e.g." "U.S." and initials such as "J." do not end a sentence.
            if (Abbreviations.Contains(previous.Text) || previous.Text.Contains('.', StringComparison.Ordinal)
                || (previous.Text.Length == 1 && char.IsUpper(previous.Text[0])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsSentence(Token token) =>
        char.IsUpper(token.Text[0]) || char.IsDigit(token.Text[0])
        || token.Text[0] is '"' or '«' or '“' or '(' or '\'' or '¿' or '¡' or '-' or '—';

    [GeneratedRegex("""
        (?<url>(?:https?://|www\.)[^\s<>"']+[^\s<>"'.,;:!?)\]])
        |(?<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
        |(?<number>\d{1,2}:\d{2}(?::\d{2})?|\d+(?:[.,]\d+)*(?:\.\d+)?)
        |(?<word>(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{Nd}]*(?:['’-]\p{L}[\p{L}\p{M}\p{Nd}]*)*)
        |\.\.\.|[?!]{2}|\S
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex TokenPattern();
}
