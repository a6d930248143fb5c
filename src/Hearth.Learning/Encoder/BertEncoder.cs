namespace Hearth.Learning.Encoder;

/// <summary>The BERT encoder's forward and backward passes on Hearth's CPU kernels.</summary>
public static class BertEncoder
{
    /// <summary>The last hidden state of each token of each sequence (token ids with [CLS] and [SEP]).</summary>
    /// <param name="dropout">Hidden-state dropout while training (BERT's 0.1); 0 for inference.</param>
    public static BertPass Forward(BertModel model, IReadOnlyList<int[]> sequences, float dropout = 0, Random? random = null)
    {
        var config = model.Config;
        var pass = new BertPass(sequences);
        var (n, h) = (pass.Tokens, config.Hidden);
        var embedded = new float[n * h];
        for (var s = 0; s < sequences.Count; s++)
        {
            for (var t = 0; t < sequences[s].Length; t++)
            {
                var row = embedded.AsSpan((pass.Offsets[s] + t) * h, h);
                var (word, position, type) = (sequences[s][t] * h, t * h, 0);
                for (var i = 0; i < h; i++)
                {
                    row[i] = model.WordEmbeddings.Value[word + i] + model.PositionEmbeddings.Value[position + i]
                        + model.TypeEmbeddings.Value[type + i];
                }
            }
        }

        pass.Embedded = embedded;
        var (x, mean, invStd) = Activations.LayerNorm(embedded, model.EmbeddingNormGain, model.EmbeddingNormBias, n, h, config.Epsilon);
        (pass.EmbeddingMean, pass.EmbeddingInvStd) = (mean, invStd);
        pass.EmbeddingDropout = Dropout(x, dropout, random);
        foreach (var layer in model.Layers)
        {
            var layerPass = LayerForward(layer, config, pass, x, dropout, random);
            pass.Layers.Add(layerPass);
            x = Activations.LayerNorm(layerPass.OutputSum, layer.OutputNormGain, layer.OutputNormBias, n, h, config.Epsilon).Y;
        }

        pass.Output = x;
        return pass;
    }

    /// <summary>
    /// Accumulates into every trainable parameter the gradient of the loss whose gradient with respect to the output
    /// is <paramref name="dOutput"/>; stops below the lowest trainable layer.
    /// </summary>
    public static void Backward(BertModel model, BertPass pass, float[] dOutput)
    {
        var config = model.Config;
        var (n, h) = (pass.Tokens, config.Hidden);
        var embeddingsTrain = model.WordEmbeddings.Trainable || model.PositionEmbeddings.Trainable || model.EmbeddingNormGain.Trainable;
        var lowest = embeddingsTrain ? -1
            : Enumerable.Range(0, model.Layers.Count).FirstOrDefault(i => model.Layers[i].Parameters.Any(p => p.WantsGradient),
                model.Layers.Count);
        var dx = dOutput;
        for (var l = model.Layers.Count - 1; l >= 0 && l >= lowest; l--)
        {
            dx = LayerBackward(model.Layers[l], config, pass, pass.Layers[l], dx, needInput: l > lowest);
        }

        if (!embeddingsTrain)
        {
            return;
        }

        Mask(dx, pass.EmbeddingDropout);
        var dEmbedded = Activations.LayerNormBackward(pass.Embedded, dx, pass.EmbeddingMean, pass.EmbeddingInvStd, model.EmbeddingNormGain,
            model.EmbeddingNormBias, n, h);
        for (var s = 0; s < pass.Sequences.Count; s++)
        {
            for (var t = 0; t < pass.Sequences[s].Length; t++)
            {
                var row = dEmbedded.AsSpan((pass.Offsets[s] + t) * h, h);
                for (var i = 0; i < h; i++)
                {
                    Add(model.WordEmbeddings, (pass.Sequences[s][t] * h) + i, row[i]);
                    Add(model.PositionEmbeddings, (t * h) + i, row[i]);
                    Add(model.TypeEmbeddings, i, row[i]);
                }
            }
        }
    }

    private static void Add(Parameter parameter, int index, float value)
    {
        if (parameter.Trainable)
        {
            parameter.Grad[index] += value;
        }
    }

    private static LayerPass LayerForward(BertLayer layer, BertConfig config, BertPass pass, float[] input, float dropout, Random? random)
    {
        var (n, h, inner) = (pass.Tokens, config.Hidden, config.Intermediate);
        var q = Linear.Dense(input, layer.Query, layer.QueryBias, n, h, h);
        var k = Linear.Dense(input, layer.Key, layer.KeyBias, n, h, h);
        var v = Linear.Dense(input, layer.Value, layer.ValueBias, n, h, h);
        var (context, probabilities) = Attention(config, pass, q, k, v);
        var attention = Linear.Dense(context, layer.AttentionOutput, layer.AttentionOutputBias, n, h, h);
        var attentionDropout = Dropout(attention, dropout, random);
        var attentionSum = Sum(input, attention);
        var (normed, mean1, inv1) = Activations.LayerNorm(attentionSum, layer.AttentionNormGain, layer.AttentionNormBias, n, h, config.Epsilon);
        var pre = Linear.Dense(normed, layer.Intermediate, layer.IntermediateBias, n, h, inner);
        var activated = new float[pre.Length];
        Parallel.For(0, n, r =>
        {
            for (var i = r * inner; i < (r + 1) * inner; i++)
            {
                activated[i] = Activations.Gelu(pre[i]);
            }
        });
        var output = Linear.Dense(activated, layer.Output, layer.OutputBias, n, inner, h);
        var outputDropout = Dropout(output, dropout, random);
        var outputSum = Sum(normed, output);
        var (_, mean2, inv2) = Activations.LayerNorm(outputSum, layer.OutputNormGain, layer.OutputNormBias, n, h, config.Epsilon);
        return new LayerPass
        {
            Input = input, Q = q, K = k, V = v, Probabilities = probabilities, Context = context, AttentionSum = attentionSum,
            AttentionNorm = (mean1, inv1), AttentionNormed = normed, IntermediatePre = pre, Activated = activated, OutputSum = outputSum,
            OutputNorm = (mean2, inv2), AttentionDropout = attentionDropout, OutputDropout = outputDropout,
        };
    }

    private static float[] LayerBackward(BertLayer layer, BertConfig config, BertPass pass, LayerPass f, float[] dOut, bool needInput)
    {
        var (n, h, inner) = (pass.Tokens, config.Hidden, config.Intermediate);
        var dOutputSum = Activations.LayerNormBackward(f.OutputSum, dOut, f.OutputNorm.Mean, f.OutputNorm.InvStd, layer.OutputNormGain,
            layer.OutputNormBias, n, h);
        var dOutput = (float[])dOutputSum.Clone();
        Mask(dOutput, f.OutputDropout);
        var dActivated = Linear.DenseBackward(f.Activated, dOutput, layer.Output, layer.OutputBias, n, inner, h, needInput: true)!;
        Parallel.For(0, n, r =>
        {
            for (var i = r * inner; i < (r + 1) * inner; i++)
            {
                dActivated[i] *= Activations.GeluDerivative(f.IntermediatePre[i]);
            }
        });

        var dNormed = Linear.DenseBackward(f.AttentionNormed, dActivated, layer.Intermediate, layer.IntermediateBias, n, h, inner, needInput: true)!;
        var dAttentionSum = Activations.LayerNormBackward(f.AttentionSum, Sum(dNormed, dOutputSum), f.AttentionNorm.Mean, f.AttentionNorm.InvStd,
            layer.AttentionNormGain, layer.AttentionNormBias, n, h);
        var dAttention = (float[])dAttentionSum.Clone();
        Mask(dAttention, f.AttentionDropout);
        var dContext = Linear.DenseBackward(f.Context, dAttention, layer.AttentionOutput, layer.AttentionOutputBias, n, h, h, needInput: true)!;
        var (dq, dk, dv) = AttentionBackward(config, pass, f, dContext);
        var dInput = dAttentionSum;
        var projections = new[] { (dq, layer.Query, layer.QueryBias), (dk, layer.Key, layer.KeyBias), (dv, layer.Value, layer.ValueBias) };
        foreach (var (d, weight, bias) in projections)
        {
            if (Linear.DenseBackward(f.Input, d, weight, bias, n, h, h, needInput) is { } dx)
            {
                dInput = Sum(dInput, dx);
            }
        }

        return dInput;
    }

    /// <summary>Scaled dot-product attention per sequence and head: the context rows and the probabilities.</summary>
    private static (float[] Context, float[][] Probabilities) Attention(BertConfig config, BertPass pass, float[] q, float[] k, float[] v)
    {
        var (h, heads, size) = (config.Hidden, config.Heads, config.HeadSize);
        var scale = 1 / MathF.Sqrt(size);
        var context = new float[pass.Tokens * h];
        var probabilities = pass.Sequences.Select(q => new float[heads * q.Length * q.Length]).ToArray();
        // Each (sequence, head) pair reads its own columns and writes its own: the pairs run on every core.
        Parallel.For(0, pass.Sequences.Count * heads, pair =>
        {
            var (s, head) = Math.DivRem(pair, heads);
            var (start, t) = (pass.Offsets[s], pass.Sequences[s].Length);
            var (qh, kh, vh) = (Slice(q, start, t, h, head, size), Slice(k, start, t, h, head, size), Slice(v, start, t, h, head, size));
            var scores = probabilities[s].AsSpan(head * t * t, t * t);
            Linear.MultiplyTransposed(qh, kh, scores, t, size, t);
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] *= scale;
            }

            Activations.Softmax(scores, t, t);
            var ch = new float[t * size];
            Linear.Multiply(scores, vh, ch, t, size, t);
            Unslice(ch, context, start, t, h, head, size);
        });

        return (context, probabilities);
    }

    private static (float[] Dq, float[] Dk, float[] Dv) AttentionBackward(BertConfig config, BertPass pass, LayerPass f, float[] dContext)
    {
        var (h, heads, size) = (config.Hidden, config.Heads, config.HeadSize);
        var scale = 1 / MathF.Sqrt(size);
        var (dq, dk, dv) = (new float[pass.Tokens * h], new float[pass.Tokens * h], new float[pass.Tokens * h]);
        Parallel.For(0, pass.Sequences.Count * heads, pair =>
        {
            var (s, head) = Math.DivRem(pair, heads);
            var (start, t) = (pass.Offsets[s], pass.Sequences[s].Length);
            var (qh, kh, vh) = (Slice(f.Q, start, t, h, head, size), Slice(f.K, start, t, h, head, size), Slice(f.V, start, t, h, head, size));
            var dch = Slice(dContext, start, t, h, head, size);
            var p = f.Probabilities[s].AsSpan(head * t * t, t * t);
            var dvh = new float[t * size];
            Linear.Multiply(Linear.Transpose(p, t, t), dch, dvh, t, size, t); // dV = Pᵀ·dC
            var dp = new float[t * t];
            Linear.MultiplyTransposed(dch, vh, dp, t, size, t); // dP = dC·Vᵀ
            for (var r = 0; r < t; r++)
            {
                double dot = 0;
                for (var c = 0; c < t; c++)
                {
                    dot += dp[(r * t) + c] * p[(r * t) + c];
                }

                for (var c = 0; c < t; c++)
                {
                    dp[(r * t) + c] = (float)(p[(r * t) + c] * (dp[(r * t) + c] - dot)) * scale; // softmax, then the scale
                }
            }

            var (dqh, dkh) = (new float[t * size], new float[t * size]);
            Linear.Multiply(dp, kh, dqh, t, size, t); // dQ = dS·K
            Linear.Multiply(Linear.Transpose(dp, t, t), qh, dkh, t, size, t); // dK = dSᵀ·Q
            Unslice(dqh, dq, start, t, h, head, size);
            Unslice(dkh, dk, start, t, h, head, size);
            Unslice(dvh, dv, start, t, h, head, size);
        });

        return (dq, dk, dv);
    }

    /// <summary>One head's columns of a sequence's rows, contiguous (t × size).</summary>
    private static float[] Slice(float[] rows, int start, int t, int h, int head, int size)
    {
        var slice = new float[t * size];
        for (var r = 0; r < t; r++)
        {
            rows.AsSpan(((start + r) * h) + (head * size), size).CopyTo(slice.AsSpan(r * size, size));
        }

        return slice;
    }

    private static void Unslice(float[] slice, float[] rows, int start, int t, int h, int head, int size)
    {
        for (var r = 0; r < t; r++)
        {
            slice.AsSpan(r * size, size).CopyTo(rows.AsSpan(((start + r) * h) + (head * size), size));
        }
    }

    private static float[] Sum(float[] a, float[] b)
    {
        var sum = new float[a.Length];
        System.Numerics.Tensors.TensorPrimitives.Add(a, b, sum);
        return sum;
    }

    /// <summary>Inverted dropout in place: the mask (0 or 1/(1−p)) for the backward pass, or null without dropout.</summary>
    private static float[]? Dropout(float[] x, float p, Random? random)
    {
        if (p <= 0)
        {
            return null;
        }

        random ??= Random.Shared;
        var mask = new float[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            mask[i] = random.NextSingle() < p ? 0 : 1 / (1 - p);
            x[i] *= mask[i];
        }

        return mask;
    }

    private static void Mask(float[] gradient, float[]? mask)
    {
        if (mask is not null)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(gradient, mask, gradient);
        }
    }
}
