namespace Hearth.Hardware.Ai;

/// <summary>Checks that embeddings mean something: unit length, paraphrases closer than unrelated sentences, agreement with the CPU.</summary>
public static class EmbeddingSanity
{
    /// <summary>The sentences embedded by the runtime check: paraphrase pairs first, then varied filler.</summary>
    public static IReadOnlyList<string> Sentences { get; } = Build();

    /// <summary>Null when the vectors are sound, else what is wrong.</summary>
    public static string? Problem(IReadOnlyList<string> sentences, float[][] vectors, float[][]? reference)
    {
        if (vectors.Length != sentences.Count)
        {
            return $"expected {sentences.Count} vectors, got {vectors.Length}";
        }

        foreach (var v in vectors)
        {
            var norm = Math.Sqrt(v.Sum(x => (double)x * x));
            if (!double.IsFinite(norm) || Math.Abs(norm - 1) > 1e-2)
            {
                return $"a vector has norm {norm:F3}, expected 1";
            }
        }

        // Sentences 0 and 1 are paraphrases; 2 is unrelated.
        var close = Cosine(vectors[0], vectors[1]);
        var far = Cosine(vectors[0], vectors[2]);
        if (close <= far + 0.2)
        {
            return $"paraphrases are not closer than unrelated text (cos {close:F2} vs {far:F2}): the model computes garbage";
        }

        if (reference is not null)
        {
            var worst = vectors.Zip(reference, Cosine).Min();
            if (worst < 0.99)
            {
                return $"disagrees with the CPU result (lowest cosine {worst:F4})";
            }
        }

        return null;
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }

    private static string[] Build()
    {
        string[] subjects = ["The old farmer", "Our team", "A young doctor", "The city council", "My neighbour", "The engineer", "A small bakery",
            "The orchestra"];
        string[] actions = ["repaired the broken fence", "announced a new budget", "planted apple trees", "published a long report",
            "trained a language model", "played a quiet symphony", "sold fresh bread", "measured the river"];
        string[] times = ["this morning.", "after the storm.", "last winter.", "before dawn.", "during the holidays.", "on Friday.",
            "in the spring.", "at noon."];
        var sentences = new List<string>
        {
            "A cat is sleeping on the warm windowsill.",
            "On the sunny window ledge, a cat is taking a nap.",
            "The central bank raised interest rates by half a point.",
        };
        for (var i = 0; sentences.Count < 64; i++)
        {
            sentences.Add($"{subjects[i % subjects.Length]} {actions[(i * 3) % actions.Length]} {times[(i * 5) % times.Length]}");
        }

        return [.. sentences];
    }
}
