using System.Numerics.Tensors;

namespace Hearth.Text.Embeddings;

/// <summary>Arithmetic on sentence vectors.</summary>
internal static class Vectors
{
    /// <summary>The element-wise mean (zeros for no vector).</summary>
    public static float[] Mean(IEnumerable<float[]> vectors)
    {
        var sum = new float[MiniLmEncoder.Dimensions];
        var count = 0;
        foreach (var v in vectors)
        {
            TensorPrimitives.Add(sum, v, sum);
            count++;
        }

        TensorPrimitives.Divide(sum, Math.Max(1, count), sum);
        return sum;
    }

    /// <summary>The mean, scaled to length 1: the centroid of normalised vectors, for cosine comparisons.</summary>
    public static float[] Centroid(IEnumerable<float[]> vectors)
    {
        var mean = Mean(vectors);
        TensorPrimitives.Divide(mean, Math.Max(1e-9f, TensorPrimitives.Norm(mean)), mean);
        return mean;
    }
}
