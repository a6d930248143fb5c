namespace Hearth.Learning.Encoder;

/// <summary>Layer normalisation, GELU and softmax, forward and backward, as the BERT ONNX graph computes them.</summary>
internal static class Activations
{
    /// <summary>Normalises each row of x (rows × n) in place into y; keeps each row's mean and 1/σ for the backward pass.</summary>
    public static (float[] Y, float[] Mean, float[] InvStd) LayerNorm(ReadOnlySpan<float> x, Parameter gain, Parameter bias, int rows, int n,
        float epsilon)
    {
        var (y, mean, invStd) = (new float[rows * n], new float[rows], new float[rows]);
        for (var r = 0; r < rows; r++)
        {
            var row = x.Slice(r * n, n);
            double sum = 0, squares = 0;
            foreach (var v in row)
            {
                sum += v;
            }

            var mu = sum / n;
            foreach (var v in row)
            {
                squares += (v - mu) * (v - mu);
            }

            var inv = 1 / Math.Sqrt((squares / n) + epsilon);
            (mean[r], invStd[r]) = ((float)mu, (float)inv);
            for (var i = 0; i < n; i++)
            {
                y[(r * n) + i] = (float)((row[i] - mu) * inv * gain.Value[i]) + bias.Value[i];
            }
        }

        return (y, mean, invStd);
    }

    /// <summary>dx of a layer norm from dy, accumulating the gain's and bias's gradients.</summary>
    public static float[] LayerNormBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, float[] mean, float[] invStd, Parameter gain,
        Parameter bias, int rows, int n)
    {
        var dx = new float[rows * n];
        var normalised = new double[n];
        var dNormalised = new double[n];
        for (var r = 0; r < rows; r++)
        {
            double sumD = 0, sumDX = 0;
            for (var i = 0; i < n; i++)
            {
                var g = dy[(r * n) + i];
                normalised[i] = (x[(r * n) + i] - mean[r]) * invStd[r];
                dNormalised[i] = g * gain.Value[i];
                sumD += dNormalised[i];
                sumDX += dNormalised[i] * normalised[i];
                if (gain.Trainable)
                {
                    gain.Grad[i] += (float)(g * normalised[i]);
                }

                if (bias.Trainable)
                {
                    bias.Grad[i] += g;
                }
            }

            for (var i = 0; i < n; i++)
            {
                dx[(r * n) + i] = (float)(invStd[r] * (dNormalised[i] - (sumD / n) - (normalised[i] * sumDX / n)));
            }
        }

        return dx;
    }

    /// <summary>GELU as BERT's graph computes it: x · ½(1 + erf(x/√2)).</summary>
    public static float Gelu(float x) => (float)(0.5 * x * (1 + Erf(x / Math.Sqrt(2))));

    public static float GeluDerivative(float x)
    {
        var cdf = 0.5 * (1 + Erf(x / Math.Sqrt(2)));
        var pdf = Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
        return (float)(cdf + (x * pdf));
    }

    /// <summary>The error function to about 1e-7 (Numerical Recipes' Chebyshev fit of erfc), enough for float32.</summary>
    public static double Erf(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var erfc = t * Math.Exp((-z * z) - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277))))))))))))))))));
        return x >= 0 ? 1 - erfc : erfc - 1;
    }

    /// <summary>Softmax of each row of s (rows × n), in place.</summary>
    public static void Softmax(Span<float> s, int rows, int n)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = s.Slice(r * n, n);
            var max = float.NegativeInfinity;
            foreach (var v in row)
            {
                max = Math.Max(max, v);
            }

            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                row[i] = MathF.Exp(row[i] - max);
                sum += row[i];
            }

            for (var i = 0; i < n; i++)
            {
                row[i] = (float)(row[i] / sum);
            }
        }
    }
}
