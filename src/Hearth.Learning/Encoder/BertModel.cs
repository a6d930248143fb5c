namespace Hearth.Learning.Encoder;

/// <summary>The weights of a BERT encoder: embeddings and layers, as named in the ONNX export.</summary>
public sealed class BertModel
{
    private BertModel(BertConfig config, Func<string, int[], Parameter> make, IReadOnlyDictionary<string, string>? onnxNames = null)
    {
        Config = config;
        OnnxNames = onnxNames ?? new Dictionary<string, string>();
        var h = config.Hidden;
        WordEmbeddings = make("embeddings.word_embeddings.weight", [config.Vocab, h]);
        PositionEmbeddings = make("embeddings.position_embeddings.weight", [config.MaxPositions, h]);
        TypeEmbeddings = make("embeddings.token_type_embeddings.weight", [2, h]);
        EmbeddingNormGain = make("embeddings.LayerNorm.weight", [h]);
        EmbeddingNormBias = make("embeddings.LayerNorm.bias", [h]);
        Layers = [.. Enumerable.Range(0, config.Layers).Select(i => new BertLayer(i, config, make))];
    }

    public BertConfig Config { get; }

    /// <summary>For a model read from ONNX: each parameter's initializer name there (for <see cref="OnnxExport"/>).</summary>
    public IReadOnlyDictionary<string, string> OnnxNames { get; }

    public Parameter WordEmbeddings { get; }

    public Parameter PositionEmbeddings { get; }

    public Parameter TypeEmbeddings { get; }

    public Parameter EmbeddingNormGain { get; }

    public Parameter EmbeddingNormBias { get; }

    public IReadOnlyList<BertLayer> Layers { get; }

    /// <summary>Low-rank adapters on the query and value matrices, once <see cref="AddAdapters"/> made them.</summary>
    public LoraAdapters? Adapters { get; private set; }

    public IEnumerable<Parameter> Parameters =>
        new[] { WordEmbeddings, PositionEmbeddings, TypeEmbeddings, EmbeddingNormGain, EmbeddingNormBias }
            .Concat(Layers.SelectMany(l => l.Parameters)).Concat(Adapters?.Parameters ?? []);

    /// <summary>Freezes every weight and adds adapters of rank <paramref name="rank"/>: only they (and a head) are then trained.</summary>
    public LoraAdapters AddAdapters(int rank, int seed)
    {
        TrainTopLayers(0);
        return Adapters = new LoraAdapters(this, rank, seed);
    }

    /// <summary>Trains the top <paramref name="layers"/> only: every parameter below is frozen (all layers: the embeddings too).</summary>
    public void TrainTopLayers(int layers)
    {
        foreach (var p in Parameters)
        {
            p.Trainable = layers >= Layers.Count;
        }

        foreach (var p in Layers.Skip(Math.Max(0, Layers.Count - layers)).SelectMany(l => l.Parameters))
        {
            p.Trainable = true;
        }
    }

    /// <summary>
    /// MiniLM from the ONNX model Hearth ships. The export names embeddings, biases and norms; its matrix products take
    /// anonymous initializers, six per layer in graph order (query, key, value, attention output, intermediate, output),
    /// stored input × output.
    /// </summary>
    public static BertModel FromOnnx(OnnxInitializers onnx, BertConfig config)
    {
        var matrices = new Queue<string>(onnx.Nodes.Where(n => n.Op == "MatMul" && n.Inputs.Length == 2 && onnx.Tensors.ContainsKey(n.Inputs[1]))
            .Select(n => n.Inputs[1]).Take(6 * config.Layers));
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return new BertModel(config, (name, shape) =>
        {
            var source = names[name] = name.EndsWith(".matrix", StringComparison.Ordinal) ? matrices.Dequeue() : name;
            var (dims, data) = onnx.Tensors.TryGetValue(source, out var t) ? t
                : throw new InvalidDataException($"the ONNX model has no weight '{source}' for {name}");
            if (!dims.SequenceEqual(shape))
            {
                throw new InvalidDataException($"{name}: the ONNX model's weight is [{string.Join(", ", dims)}], not [{string.Join(", ", shape)}]");
            }

            return new Parameter(name, (float[])data.Clone(), Decays(name));
        }, names);
    }

    /// <summary>Small random weights (for tests and new models): N(0, 0.02²) matrices, unit gains, zero biases.</summary>
    public static BertModel Random(BertConfig config, int seed)
    {
        var random = new Random(seed);
        return new BertModel(config, (name, shape) =>
        {
            var length = shape.Aggregate(1, (a, b) => a * b);
            var value = new float[length];
            var isGain = name.EndsWith("LayerNorm.weight", StringComparison.Ordinal);
            for (var i = 0; i < length; i++)
            {
                value[i] = isGain ? 1 : name.EndsWith("bias", StringComparison.Ordinal) ? 0 : (float)(Gaussian(random) * 0.02);
            }

            return new Parameter(name, value, Decays(name));
        });
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static bool Decays(string name) =>
        !name.EndsWith("bias", StringComparison.Ordinal) && !name.Contains("LayerNorm", StringComparison.Ordinal);
}

/// <summary>One transformer layer: self-attention and the feed-forward block, each with a residual and a layer norm.</summary>
public sealed class BertLayer
{
    internal BertLayer(int index, BertConfig config, Func<string, int[], Parameter> make)
    {
        var (h, i, p) = (config.Hidden, config.Intermediate, $"encoder.layer.{index}.");
        Query = make(p + "attention.self.query.matrix", [h, h]);
        Key = make(p + "attention.self.key.matrix", [h, h]);
        Value = make(p + "attention.self.value.matrix", [h, h]);
        AttentionOutput = make(p + "attention.output.dense.matrix", [h, h]);
        Intermediate = make(p + "intermediate.dense.matrix", [h, i]);
        Output = make(p + "output.dense.matrix", [i, h]);
        QueryBias = make(p + "attention.self.query.bias", [h]);
        KeyBias = make(p + "attention.self.key.bias", [h]);
        ValueBias = make(p + "attention.self.value.bias", [h]);
        AttentionOutputBias = make(p + "attention.output.dense.bias", [h]);
        AttentionNormGain = make(p + "attention.output.LayerNorm.weight", [h]);
        AttentionNormBias = make(p + "attention.output.LayerNorm.bias", [h]);
        IntermediateBias = make(p + "intermediate.dense.bias", [i]);
        OutputBias = make(p + "output.dense.bias", [h]);
        OutputNormGain = make(p + "output.LayerNorm.weight", [h]);
        OutputNormBias = make(p + "output.LayerNorm.bias", [h]);
    }

    public Parameter Query { get; }

    public Parameter Key { get; }

    public Parameter Value { get; }

    public Parameter AttentionOutput { get; }

    public Parameter Intermediate { get; }

    public Parameter Output { get; }

    public Parameter QueryBias { get; }

    public Parameter KeyBias { get; }

    public Parameter ValueBias { get; }

    public Parameter AttentionOutputBias { get; }

    public Parameter AttentionNormGain { get; }

    public Parameter AttentionNormBias { get; }

    public Parameter IntermediateBias { get; }

    public Parameter OutputBias { get; }

    public Parameter OutputNormGain { get; }

    public Parameter OutputNormBias { get; }

    public IEnumerable<Parameter> Parameters =>
    [
        Query, QueryBias, Key, KeyBias, Value, ValueBias, AttentionOutput, AttentionOutputBias, AttentionNormGain, AttentionNormBias,
        Intermediate, IntermediateBias, Output, OutputBias, OutputNormGain, OutputNormBias,
    ];
}
