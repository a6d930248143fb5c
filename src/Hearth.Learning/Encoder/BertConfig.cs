namespace Hearth.Learning.Encoder;

/// <summary>The shape of a BERT encoder.</summary>
public sealed record BertConfig(int Vocab, int Hidden, int Heads, int Intermediate, int Layers, int MaxPositions, float Epsilon = 1e-12f)
{
    /// <summary>all-MiniLM-L6-v2, the encoder Hearth ships.</summary>
    public static BertConfig MiniLm { get; } = new(30522, 384, 12, 1536, 6, 512);

    public int HeadSize => Hidden / Heads;
}
