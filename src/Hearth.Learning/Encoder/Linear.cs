using System.Numerics.Tensors;
using Hearth.Hardware.Kernels;

namespace Hearth.Learning.Encoder;

/// <summary>Row-major matrix products on Hearth's SGEMM kernel (or an accelerator in use), with the transposes the backward pass needs.</summary>
internal static class Linear
{
    /// <summary>Below this many multiply-adds one thread is faster than waking the others.</summary>
    private const long SmallProduct = 1 << 20;

    /// <summary>C (m × n) = A (m × k) · B (k × n), on the accelerator in use (<see cref="EngineDevice"/>) or this CPU.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        if (!EngineDevice.TryMultiply(a, b, c, m, n, k))
        {
            Sgemm.Multiply(a, b, c, m, n, k, (long)m * n * k < SmallProduct ? 1 : 0);
        }
    }

    /// <summary>C (m × k) = A (m × n) · Bᵀ, B being k × n.</summary>
    public static void MultiplyTransposed(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k) =>
        Multiply(a, Transpose(b, k, n), c, m, k, n);

    /// <summary>C (k × n) += Aᵀ · B, A being m × k and B m × n: a weight gradient.</summary>
    public static void AccumulateTransposed(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        var product = new float[k * n];
        Multiply(Transpose(a, m, k), b, product, k, n, m);
        TensorPrimitives.Add(c, product, c);
    }

    /// <summary>Y (rows × n) = X · W + bias.</summary>
    public static float[] Dense(ReadOnlySpan<float> x, Parameter weight, Parameter bias, int rows, int inputs, int outputs)
    {
        var y = new float[rows * outputs];
        Multiply(x, weight.Value, y, rows, outputs, inputs);
        for (var r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(y.AsSpan(r * outputs, outputs), bias.Value, y.AsSpan(r * outputs, outputs));
        }

        return y;
    }

    /// <summary>
    /// Backward of <see cref="Dense"/>: accumulates the gradients of W and b (when trainable) and returns dX, or null when
    /// <paramref name="needInput"/> is false (nothing below is trained).
    /// </summary>
    public static float[]? DenseBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Parameter weight, Parameter bias, int rows, int inputs,
        int outputs, bool needInput)
    {
        if (weight.WantsGradient)
        {
            AccumulateTransposed(x, dy, weight.Grad, rows, inputs, outputs);
        }

        if (bias.Trainable)
        {
            for (var r = 0; r < rows; r++)
            {
                TensorPrimitives.Add(bias.Grad, dy.Slice(r * outputs, outputs), bias.Grad);
            }
        }

        if (!needInput)
        {
            return null;
        }

        var dx = new float[rows * inputs];
        MultiplyTransposed(dy, weight.Value, dx, rows, outputs, inputs);
        return dx;
    }

    public static float[] Transpose(ReadOnlySpan<float> a, int rows, int columns)
    {
        var t = new float[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                t[(c * rows) + r] = a[(r * columns) + c];
            }
        }

        return t;
    }
}
