using System.Text.Json;
using System.Text.RegularExpressions;
using Hearth.Hardware;
using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;
using Hearth.Text.Embeddings;

namespace Hearth.Learning.Models;

/// <summary>
/// Trained models under HEARTH_HOME/models/NAME: <c>card.json</c> and <c>weights.bin</c> (the trained top layers and the
/// head; the layers below come from the shipped MiniLM).
/// </summary>
public sealed partial class ModelStore(string home)
{
    public string Root { get; } = Path.Combine(home, "models");

    /// <summary>The encoder every model starts from.</summary>
    public static string BaseName => MiniLmEncoder.Name;

    public static BertModel LoadBase() => BertModel.FromOnnx(OnnxInitializers.Read(MiniLmEncoder.ModelBytes()), BertConfig.MiniLm);

    /// <summary>The names of the model folders here, in order (a folder whose card is unreadable included: <see cref="Card"/> says why).</summary>
    public IReadOnlyList<string> Names() =>
        Directory.Exists(Root) ? [.. Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)!).Where(n => ValidName().IsMatch(n)).Order()]
            : [];

    public string Folder(string name) => ValidName().IsMatch(name) ? Path.Combine(Root, name)
        : throw new ModelFileException($"'{name}' is not a model name: use letters, digits, '.', '_' and '-' (at most 64)");

    public ModelCard Card(string name)
    {
        var path = Path.Combine(Folder(name), "card.json");
        if (!File.Exists(path))
        {
            throw new ModelFileException($"no model '{name}' trained on this machine: 'hearth models' lists them");
        }

        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), HearthJson.Options);
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{path} is not a Hearth model card ({e.Message})");
        }

        return card is null ? throw new ModelFileException($"{path} is empty")
            : card.Format != ModelCard.CurrentFormat ? throw new ModelFileException($"{path} is model format {card.Format}; this Hearth reads format "
                + $"{ModelCard.CurrentFormat}: train it again with this version")
            : card;
    }

    /// <summary>
    /// The model's encoder (base with its trained layers, the only parameters marked trainable) and its head (made by
    /// <paramref name="makeHead"/> from the card), checked against the card.
    /// </summary>
    public (BertModel Model, THead Head, ModelCard Card) Load<THead>(string name, Func<ModelCard, int, THead> makeHead) where THead : IHead
    {
        var card = Card(name);
        var weights = ParameterFile.Read(Path.Combine(Folder(name), "weights.bin"), card.WeightsSha256);
        var model = LoadBase();
        if (card.AdapterRank > 0)
        {
            model.AddAdapters(card.AdapterRank, seed: 0);
        }

        var head = makeHead(card, model.Config.Hidden);
        foreach (var p in model.Parameters.Concat(head.Parameters))
        {
            p.Trainable = weights.ContainsKey(p.Name);
            if (weights.TryGetValue(p.Name, out var values))
            {
                if (values.Length != p.Value.Length)
                {
                    throw new ModelFileException($"{name}: {p.Name} has {values.Length} values, not {p.Value.Length}: a model of another encoder?");
                }

                values.CopyTo(p.Value, 0);
            }
            else if (head.Parameters.Contains(p))
            {
                throw new ModelFileException($"{name}: its weights have no {p.Name}: not a {card.Task} model of this Hearth");
            }
        }

        model.Adapters?.Apply();
        return (model, head, card);
    }

    /// <summary>A classify, sentiment, multilabel or regression model, its head at the card's temperature.</summary>
    public (BertModel Model, SentenceHead Head, ModelCard Card) LoadSentenceModel(string name) =>
        Load(name, (c, hidden) => c.TagsWords ? throw new ModelFileException($"model '{name}' is a {c.Task} model, not one that labels texts")
            : new SentenceHead(c.Labels, hidden, seed: 0, c.Objective) { Temperature = (float)c.Temperature });

    /// <summary>A ner or pos model.</summary>
    public (BertModel Model, TokenTagger Tagger, ModelCard Card) LoadTagger(string name) =>
        Load(name, (c, hidden) => c.TagsWords ? new TokenTagger(c.Labels, hidden, seed: 0)
            : throw new ModelFileException($"model '{name}' is a {c.Task} model, not one that tags words"));

    /// <summary>
    /// Installs a model copied from another node: its card and its weights (a file beside the store, moved in), refused
    /// unless the weights' SHA-256 is the one the card records. The card goes in last: a model is whole or absent.
    /// </summary>
    public ModelCard Install(string name, string cardJson, string weights)
    {
        ModelCard card;
        try
        {
            card = JsonSerializer.Deserialize<ModelCard>(cardJson, HearthJson.Options) ?? throw new ModelFileException($"{name}: an empty card");
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{name}: not a Hearth model card ({e.Message})");
        }

        if (card.Name != name || card.Format != ModelCard.CurrentFormat)
        {
            throw new ModelFileException($"{name}: the card is of model '{card.Name}', format {card.Format}: not this model of this Hearth");
        }

        if (ParameterFile.Hash(weights) != card.WeightsSha256)
        {
            throw new ModelFileException($"{name}: the copied weights do not have the SHA-256 its card records: damaged on the way");
        }

        var folder = Directory.CreateDirectory(Folder(name)).FullName;
        File.Move(weights, Path.Combine(folder, "weights.bin"), overwrite: true);
        File.WriteAllText(Path.Combine(folder, "card.json.partial"), cardJson);
        File.Move(Path.Combine(folder, "card.json.partial"), Path.Combine(folder, "card.json"), overwrite: true);
        return card;
    }

    /// <summary>Writes the trainable parameters and the head, then the card with their hash (the card last: a model is whole or absent).</summary>
    public ModelCard Save(ModelCard card, BertModel model, IHead head)
    {
        var folder = Directory.CreateDirectory(Folder(card.Name)).FullName;
        var weights = Path.Combine(folder, "weights.bin");
        var sha = ParameterFile.Write(weights, model.Parameters.Where(p => p.Trainable).Concat(head.Parameters).Select(p => (p.Name, p.Value)));
        var saved = card with { WeightsSha256 = sha, WeightsBytes = new FileInfo(weights).Length };
        File.WriteAllText(Path.Combine(folder, "card.json.partial"), JsonSerializer.Serialize(saved, HearthJson.Options));
        File.Move(Path.Combine(folder, "card.json.partial"), Path.Combine(folder, "card.json"), overwrite: true);
        return saved;
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex ValidName();
}
