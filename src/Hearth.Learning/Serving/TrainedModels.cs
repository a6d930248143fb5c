using System.Collections.Concurrent;
using Hearth.Learning.Models;
using Hearth.Text.Analysis;
using Hearth.Text.Embeddings;

namespace Hearth.Learning.Serving;

/// <summary>
/// The trained models this process serves, loaded on first use and kept (a model trained again under the same name is
/// loaded again: the cache is keyed by its card's time). They run on the provider of the shared encoder.
/// </summary>
public sealed class TrainedModels(ModelStore store, EncoderRuntime runtime) : ITrainedModels, IDisposable
{
    private readonly ConcurrentDictionary<string, IDisposable> loaded = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private ShippedJoint? joint;

    public ModelStore Store => store;

    /// <exception cref="ModelFileException">No such model, or its files are damaged or of another format.</exception>
    public ITextClassifier Classifier(string name) => Get(name, () => TrainedClassifier.Load(store, name, runtime.Encoder.Provider));

    /// <exception cref="ModelFileException">No such model, not a ner model, or its files are damaged or of another format.</exception>
    public IEntityModel Entities(string name) => name == ShippedJoint.ShippedName && !File.Exists(Path.Combine(store.Folder(name), "card.json"))
        ? Shipped()
        : Get(name, () => TrainedTagger.Load(store, name, runtime.Encoder.Provider));

    /// <summary>The shipped joint model's names and word tags (for names, a model trained here under its name comes first).</summary>
    public ShippedJoint Shipped()
    {
        lock (gate)
        {
            return joint ??= new ShippedJoint(() => JointModel.Load(JointModel.ShippedFolder, runtime.Encoder.Provider, runtime.Cache));
        }
    }

    private T Get<T>(string name, Func<T> load) where T : class, IDisposable
    {
        // Keyed by the card's time: a request costs one stat, and a model trained again is loaded again.
        var key = $"{name} {File.GetLastWriteTimeUtc(Path.Combine(store.Folder(name), "card.json")).Ticks}";
        if (loaded.TryGetValue(key, out var model))
        {
            return Served(model);
        }

        lock (gate)
        {
            if (!loaded.TryGetValue(key, out model))
            {
                foreach (var stale in loaded.Keys.Where(k => k.StartsWith(name + " ", StringComparison.Ordinal)))
                {
                    loaded.TryRemove(stale, out _); // not disposed: a request may still run on it; its session goes with the garbage collector
                }

                model = loaded[key] = load();
            }
        }

        return Served(model);

        T Served(IDisposable loaded) =>
            loaded as T ?? throw new ModelFileException($"model '{name}' is a {store.Card(name).Task} model: it cannot serve this feature");
    }

    /// <summary>The models named by FEATURE=NAME pairs (<c>--model sentiment=reviews</c>).</summary>
    /// <exception cref="ArgumentException">A pair that names no feature a trained model serves.</exception>
    /// <exception cref="ModelFileException">A model that is missing or damaged.</exception>
    public ModelChoice Choose(IEnumerable<string> pairs) => ModelChoice.Parse(pairs, this);

    public void Dispose()
    {
        joint?.Dispose();
        foreach (var model in loaded.Values)
        {
            model.Dispose();
        }
    }
}
