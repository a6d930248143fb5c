namespace Hearth.Text.Segmentation;

/// <summary>A sentence: its span in the original text and its tokens.</summary>
public sealed record Sentence(int Start, int Length, string Text, IReadOnlyList<Token> Tokens)
{
    public int End => Start + Length;
}
