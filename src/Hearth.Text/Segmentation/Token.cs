namespace Hearth.Text.Segmentation;

public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
}

/// <summary>A token and where it is: <paramref name="Start"/> and <paramref name="Length"/> in UTF-16 code units of the original text.</summary>
public sealed record Token(int Start, int Length, string Text, TokenKind Kind)
{
    public int End => Start + Length;
}
