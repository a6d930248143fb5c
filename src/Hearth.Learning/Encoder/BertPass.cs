namespace Hearth.Learning.Encoder;

/// <summary>
/// One forward pass over a batch of token sequences, kept for its backward pass. The sequences are laid end to end
/// (no padding: every dense product runs over exactly the batch's tokens); attention runs per sequence.
/// </summary>
public sealed class BertPass
{
    internal BertPass(IReadOnlyList<int[]> sequences)
    {
        Sequences = sequences;
        Offsets = new int[sequences.Count + 1];
        for (var s = 0; s < sequences.Count; s++)
        {
            Offsets[s + 1] = Offsets[s] + sequences[s].Length;
        }
    }

    public IReadOnlyList<int[]> Sequences { get; }

    /// <summary>Where each sequence's first token is in the rows; the last entry is the number of tokens.</summary>
    public int[] Offsets { get; }

    public int Tokens => Offsets[^1];

    /// <summary>The last hidden state: one row of Hidden values per token.</summary>
    public float[] Output { get; internal set; } = [];

    internal float[] Embedded { get; set; } = [];

    internal float[] EmbeddingMean { get; set; } = [];

    internal float[] EmbeddingInvStd { get; set; } = [];

    internal float[]? EmbeddingDropout { get; set; }

    internal List<LayerPass> Layers { get; } = [];
}

/// <summary>What one layer's backward pass needs from its forward pass.</summary>
internal sealed class LayerPass
{
    public required float[] Input { get; init; }

    public required float[] Q { get; init; }

    public required float[] K { get; init; }

    public required float[] V { get; init; }

    /// <summary>Attention probabilities per sequence, heads × T × T.</summary>
    public required float[][] Probabilities { get; init; }

    public required float[] Context { get; init; }

    public required float[] AttentionSum { get; init; }

    public required (float[] Mean, float[] InvStd) AttentionNorm { get; init; }

    public required float[] AttentionNormed { get; init; }

    public required float[] IntermediatePre { get; init; }

    public required float[] Activated { get; init; }

    public required float[] OutputSum { get; init; }

    public required (float[] Mean, float[] InvStd) OutputNorm { get; init; }

    public float[]? AttentionDropout { get; init; }

    public float[]? OutputDropout { get; init; }
}
