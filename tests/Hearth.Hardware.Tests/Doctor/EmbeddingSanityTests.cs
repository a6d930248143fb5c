using Hearth.Hardware.Ai;

namespace Hearth.Hardware.Tests.Doctor;

public sealed class EmbeddingSanityTests
{
    [Fact]
    public void Vectors_that_do_not_separate_paraphrases_from_unrelated_text_are_rejected()
    {
        var same = Enumerable.Range(0, EmbeddingSanity.Sentences.Count).Select(_ => Unit(0)).ToArray();

        Assert.Contains("paraphrases are not closer", EmbeddingSanity.Problem(EmbeddingSanity.Sentences, same, null), StringComparison.Ordinal);
    }

    [Fact]
    public void Vectors_that_disagree_with_the_cpu_reference_are_rejected()
    {
        var vectors = EmbeddingSanity.Sentences.Select((_, i) => Unit(i == 0 ? 0 : i == 1 ? 0 : 1)).ToArray();
        var reference = vectors.Select((v, i) => i == 5 ? Unit(2) : v).ToArray();

        Assert.Contains("disagrees with the CPU", EmbeddingSanity.Problem(EmbeddingSanity.Sentences, vectors, reference), StringComparison.Ordinal);
        Assert.Null(EmbeddingSanity.Problem(EmbeddingSanity.Sentences, vectors, vectors));
    }

    [Fact]
    public void Vectors_that_are_not_unit_length_are_rejected()
    {
        var vectors = EmbeddingSanity.Sentences.Select(_ => new float[] { 3, 0, 0 }).ToArray();

        Assert.Contains("norm", EmbeddingSanity.Problem(EmbeddingSanity.Sentences, vectors, null), StringComparison.Ordinal);
    }

    private static float[] Unit(int axis)
    {
        var v = new float[3];
        v[axis] = 1;
        return v;
    }
}
