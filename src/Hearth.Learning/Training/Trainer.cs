using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;

namespace Hearth.Learning.Training;

/// <summary>What to train and how.</summary>
/// <param name="TopLayers">Encoder layers trained from the top (0: the head only; the model's layer count: every layer and the embeddings).</param>
/// <param name="AdapterRank">Above 0: low-rank adapters of this rank on every layer instead (<see cref="TopLayers"/> is then 0).</param>
public sealed record TrainingOptions(int Epochs = 3, int BatchSize = 16, double LearningRate = 5e-5, double HeadLearningRate = 1e-3,
    int TopLayers = 2, float Dropout = 0.1f, int Seed = 42, int AdapterRank = 0);

/// <summary>
/// Fine-tunes the encoder's top layers and a head (a sentence classifier, a token tagger) on token sequences and their
/// targets: batches of similar lengths (no compute on padding), shuffled by a seed, so that a run can be repeated exactly.
/// </summary>
public sealed class Trainer<TTarget>
{
    private readonly BertModel model;
    private readonly IHead<TTarget> head;
    private readonly TrainingOptions options;
    private readonly AdamW encoderOptimizer;
    private readonly AdamW headOptimizer;

    public Trainer(BertModel model, IHead<TTarget> head, TrainingOptions options, int examples)
    {
        (this.model, this.head, this.options) = (model, head, options);
        if (options.AdapterRank > 0)
        {
            model.AddAdapters(options.AdapterRank, options.Seed);
        }
        else
        {
            model.TrainTopLayers(options.TopLayers);
        }

        var steps = options.Epochs * (int)Math.Ceiling(examples / (double)options.BatchSize);
        encoderOptimizer = new AdamW([.. model.Parameters.Where(p => p.Trainable)], options.LearningRate, steps);
        headOptimizer = new AdamW([.. head.Parameters], options.HeadLearningRate, steps);
    }

    /// <summary>Epochs finished (restored from a checkpoint, or counted here).</summary>
    public int EpochsDone { get; private set; }

    /// <summary>
    /// The next epoch; returns its mean loss. Its shuffling and dropout draw from a generator seeded by the seed and the
    /// epoch, so a run resumed from a checkpoint takes the same steps as one that was never interrupted.
    /// </summary>
    /// <param name="progress">Called after each batch with the tokens it held and its loss.</param>
    public double Epoch(IReadOnlyList<(int[] Tokens, TTarget Target)> examples, Action<int, double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var random = new Random(unchecked((options.Seed * 7919) + EpochsDone));
        var total = 0.0;
        foreach (var batch in Batches(examples, random))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pass = BertEncoder.Forward(model, [.. batch.Select(e => e.Tokens)], options.Dropout, random);
            var (loss, dOutput) = head.Backward(pass, [.. batch.Select(e => e.Target)], model.Config.Hidden);
            if (options.TopLayers > 0 || model.Adapters is not null)
            {
                BertEncoder.Backward(model, pass, dOutput);
                model.Adapters?.Backpropagate();
                encoderOptimizer.Update();
                model.Adapters?.Apply(); // the matrices follow the adapters: what the next step, an evaluation or a save reads
            }

            headOptimizer.Update();
            total += loss * batch.Count;
            progress?.Invoke(batch.Sum(e => e.Tokens.Length), loss);
        }

        EpochsDone++;
        return total / examples.Count;
    }

    /// <summary>Saves what a resumed run needs: the trained weights, the optimisers' moments and steps, the epochs done.</summary>
    public void SaveCheckpoint(string path)
    {
        var tensors = new List<(string, float[])> { ("epochs", [EpochsDone, encoderOptimizer.Step, headOptimizer.Step]) };
        foreach (var (p, (m, v)) in encoderOptimizer.Moments.Concat(headOptimizer.Moments))
        {
            tensors.AddRange([("p:" + p.Name, p.Value), ("m:" + p.Name, m), ("v:" + p.Name, v)]);
        }

        ParameterFile.Write(path, tensors);
    }

    /// <summary>Restores a checkpoint written by <see cref="SaveCheckpoint"/> for the same model and options.</summary>
    public void RestoreCheckpoint(string path)
    {
        var tensors = ParameterFile.Read(path, null);
        foreach (var (p, (m, v)) in encoderOptimizer.Moments.Concat(headOptimizer.Moments))
        {
            if (!tensors.TryGetValue("p:" + p.Name, out var value) || value.Length != p.Value.Length)
            {
                throw new ModelFileException($"{path} does not hold {p.Name}: a checkpoint of another training (other --layers?)");
            }

            value.CopyTo(p.Value, 0);
            tensors["m:" + p.Name].CopyTo(m, 0);
            tensors["v:" + p.Name].CopyTo(v, 0);
        }

        model.Adapters?.Apply();
        var counts = tensors["epochs"];
        EpochsDone = (int)counts[0];
        encoderOptimizer.Restore((int)counts[1]);
        headOptimizer.Restore((int)counts[2]);
    }

    /// <summary>Shuffled examples cut into batches of neighbouring lengths, the batches in random order.</summary>
    private List<List<(int[] Tokens, TTarget Target)>> Batches(IReadOnlyList<(int[] Tokens, TTarget Target)> examples, Random random)
    {
        var shuffled = examples.OrderBy(_ => random.Next()).ToList();
        var byLength = shuffled.OrderBy(e => e.Tokens.Length).ToList();
        var batches = byLength.Chunk(options.BatchSize).Select(c => c.ToList()).ToList();
        return [.. batches.OrderBy(_ => random.Next())];
    }
}
