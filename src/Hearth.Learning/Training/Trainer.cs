using Hearth.Learning.Encoder;
using Hearth.Learning.Models;

namespace Hearth.Learning.Training;

/// <summary>What to train and how.</summary>
/// <param name="TopLayers">Encoder layers trained from the top (0: the head only; the model's layer count: every layer and the embeddings).</param>
/// <param name="AdapterRank">Above 0: low-rank adapters of this rank on every layer instead (<see cref="TopLayers"/> is then 0).</param>
public sealed record TrainingOptions(int Epochs = 3, int BatchSize = 16, double LearningRate = 5e-5, double HeadLearningRate = 1e-3,
    int TopLayers = 2, float Dropout = 0.1f, int Seed = 42, int AdapterRank = 0);

/// <summary>
/// Fine-tunes the encoder's top layers and the heads of one or more tasks (a sentence classifier, a token tagger) on
/// token sequences and their targets: batches of similar lengths (no compute on padding), each of one task, the
/// batches of every task shuffled together by a seed, so that a run can be repeated exactly. The encoder has one
/// optimiser, each head its own (a head moves only on its task's batches).
/// </summary>
public sealed class Trainer
{
    private readonly BertModel model;
    private readonly IReadOnlyList<TrainingTask> tasks;
    private readonly TrainingOptions options;
    private readonly AdamW encoderOptimizer;
    private readonly AdamW[] headOptimizers;

    public Trainer(BertModel model, IReadOnlyList<TrainingTask> tasks, TrainingOptions options)
    {
        (this.model, this.tasks, this.options) = (model, tasks, options);
        if (options.AdapterRank > 0)
        {
            model.AddAdapters(options.AdapterRank, options.Seed);
        }
        else
        {
            model.TrainTopLayers(options.TopLayers);
        }

        encoderOptimizer = new AdamW([.. model.Parameters.Where(p => p.Trainable)], options.LearningRate, options.Epochs * tasks.Sum(BatchCount));
        headOptimizers = [.. tasks.Select(t => new AdamW([.. t.Head.Parameters], options.HeadLearningRate, options.Epochs * BatchCount(t)))];
    }

    /// <summary>Epochs finished (restored from a checkpoint, or counted here).</summary>
    public int EpochsDone { get; private set; }

    /// <summary>Batches in one epoch, all tasks together.</summary>
    public int Steps => tasks.Sum(BatchCount);

    /// <summary>
    /// The next epoch; returns its mean loss per example. Its shuffling and dropout draw from a generator seeded by the
    /// seed and the epoch, so a run resumed from a checkpoint takes the same steps as one that was never interrupted.
    /// </summary>
    /// <param name="progress">Called after each batch with the tokens it held and its loss.</param>
    public double Epoch(Action<int, double>? progress = null, CancellationToken cancellationToken = default)
    {
        var random = new Random(unchecked((options.Seed * 7919) + EpochsDone));
        var batches = tasks.SelectMany((task, t) => Batches(task, random).Select(batch => (Task: t, Batch: batch))).ToList();
        var total = 0.0;
        foreach (var (t, batch) in batches.OrderBy(_ => random.Next()).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var task = tasks[t];
            var pass = BertEncoder.Forward(model, [.. batch.Select(task.Tokens)], options.Dropout, random);
            var (loss, dOutput) = task.Backward(pass, batch, model.Config.Hidden);
            if (options.TopLayers > 0 || model.Adapters is not null)
            {
                BertEncoder.Backward(model, pass, dOutput);
                model.Adapters?.Backpropagate();
                encoderOptimizer.Update();
                model.Adapters?.Apply(); // the matrices follow the adapters: what the next step, an evaluation or a save reads
            }

            headOptimizers[t].Update();
            total += loss * batch.Length;
            progress?.Invoke(batch.Sum(i => task.Tokens(i).Length), loss);
        }

        EpochsDone++;
        return total / tasks.Sum(t => t.Count);
    }

    /// <summary>Saves what a resumed run needs: the trained weights, the optimisers' moments and steps, the epochs done.</summary>
    public void SaveCheckpoint(string path)
    {
        var tensors = new List<(string, float[])> { ("epochs", [EpochsDone, encoderOptimizer.Step, .. headOptimizers.Select(o => (float)o.Step)]) };
        foreach (var (prefix, p, (m, v)) in Moments())
        {
            tensors.AddRange([("p:" + prefix + p.Name, p.Value), ("m:" + prefix + p.Name, m), ("v:" + prefix + p.Name, v)]);
        }

        ParameterFile.Write(path, tensors);
    }

    /// <summary>Restores a checkpoint written by <see cref="SaveCheckpoint"/> for the same model, tasks and options.</summary>
    public void RestoreCheckpoint(string path)
    {
        var tensors = ParameterFile.Read(path, null);
        foreach (var (prefix, p, (m, v)) in Moments())
        {
            var name = prefix + p.Name;
            if (!tensors.TryGetValue("p:" + name, out var value) || value.Length != p.Value.Length)
            {
                throw new ModelFileException($"{path} does not hold {name}: a checkpoint of another training (other --layers?)");
            }

            value.CopyTo(p.Value, 0);
            tensors["m:" + name].CopyTo(m, 0);
            tensors["v:" + name].CopyTo(v, 0);
        }

        model.Adapters?.Apply();
        var counts = tensors["epochs"];
        EpochsDone = (int)counts[0];
        encoderOptimizer.Restore((int)counts[1]);
        for (var t = 0; t < headOptimizers.Length; t++)
        {
            headOptimizers[t].Restore((int)counts[2 + t]);
        }
    }

    private IEnumerable<(string Prefix, Parameter P, (float[] M, float[] V) Moments)> Moments() =>
        encoderOptimizer.Moments.Select(e => ("", e.Key, e.Value))
            .Concat(headOptimizers.SelectMany((o, t) => o.Moments.Select(e => (tasks[t].Name + "/", e.Key, e.Value))));

    private int BatchCount(TrainingTask task) => (task.Count + options.BatchSize - 1) / options.BatchSize;

    /// <summary>The task's examples shuffled, cut into batches of neighbouring lengths.</summary>
    private List<int[]> Batches(TrainingTask task, Random random) =>
        [.. Enumerable.Range(0, task.Count).OrderBy(_ => random.Next()).OrderBy(i => task.Tokens(i).Length).Chunk(options.BatchSize)];
}
