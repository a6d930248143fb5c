using System.Globalization;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;

namespace Hearth.Learning.Training;

/// <summary>The tasks <c>hearth train</c> knows, their options from the command line's words, and the run for each.</summary>
public static class TaskTraining
{
    public static IReadOnlyList<string> Tasks { get; } = ["classify", "sentiment", "multilabel", "regression", "ner", "pos"];

    /// <summary>Options from <c>--layers N|all|adapters</c> and the rest; the encoder's learning rate defaults to 5e-5, 5e-4 for adapters.</summary>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public static TrainingOptions Options(string layers, int epochs, int batch, double? learningRate, int seed)
    {
        var adapters = layers == "adapters";
        var top = layers == "all" ? 6 : adapters ? 0 : int.TryParse(layers, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 6 ? n
            : throw new ArgumentException($"--layers '{layers}' is not 0–6, all or adapters");
        return epochs < 1 || batch < 1 || learningRate <= 0 ? throw new ArgumentException("--epochs, --batch and --lr must be positive")
            : new TrainingOptions(epochs, batch, learningRate ?? (adapters ? 5e-4 : 5e-5), TopLayers: top, Seed: seed, AdapterRank: adapters ? 8 : 0);
    }

    /// <param name="tokenize">The encoder's tokenizer, with [CLS] and [SEP].</param>
    public static ModelCard Run(TrainingRequest request, ModelStore store, Func<string, long[]> tokenize, Action<TrainingProgress> progress,
        CancellationToken cancellationToken) =>
        !Tasks.Contains(request.Task) ? throw new ArgumentException($"'{request.Task}' is not a task this Hearth trains: {string.Join(", ", Tasks)}")
        : request.Task is "ner" or "pos" ? TaggerTraining.Run(request, store, new WordPieces(tokenize), progress, cancellationToken)
        : ClassifierTraining.Run(request, store, text => [.. tokenize(text).Select(id => (int)id)], progress, cancellationToken);
}
