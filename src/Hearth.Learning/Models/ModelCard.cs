namespace Hearth.Learning.Models;

/// <summary>What a trained model is, what it learnt from and how good it is (HEARTH_HOME/models/NAME/card.json).</summary>
public sealed record ModelCard
{
    /// <summary>The card and weights format this Hearth writes and reads.</summary>
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public required string Name { get; init; }

    /// <summary>
    /// "classify" or "sentiment" (one label per text), "multilabel" (any number), "regression" (numbers; Labels names them),
    /// "ner" (BIO entity tags per word) or "pos" (a part of speech per word).
    /// </summary>
    public required string Task { get; init; }

    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The encoder the model starts from, with its package version.</summary>
    public required string Base { get; init; }

    /// <summary>Encoder layers trained from the top; the layers below are the base's, unchanged.</summary>
    public required int TrainedLayers { get; init; }

    /// <summary>Above 0: the rank of the low-rank adapters trained on every layer's query and value matrices (and no layer trained).</summary>
    public int AdapterRank { get; init; }

    /// <summary>Where the engine's products ran: this CPU, or the accelerator (<c>--device gpu</c>).</summary>
    public string Device { get; init; } = "CPU";

    public required string DataFile { get; init; }

    public required string DataSha256 { get; init; }

    public required int Examples { get; init; }

    public required int Epochs { get; init; }

    public int BestEpoch { get; init; }

    /// <summary>Accuracy and macro-F1 on the dev file after the best epoch; null without one.</summary>
    public double? DevAccuracy { get; init; }

    public double? DevMacroF1 { get; init; }

    /// <summary>For "regression": the mean Pearson correlation of the targets on the dev file.</summary>
    public double? DevPearson { get; init; }

    /// <summary>Logits are divided by it before the softmax or sigmoids: fitted on the dev file so that a 0.9 means 90% (1: not fitted).</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Expected calibration error on the dev file before and after the temperature (single-label models).</summary>
    public double? DevEceBefore { get; init; }

    public double? DevEce { get; init; }

    /// <summary>For "ner": entity-level F1 on the dev file (conlleval's exact spans).</summary>
    public double? DevEntityF1 { get; init; }

    /// <summary>The dev figure the best epoch is chosen by: entity F1 for ner, word accuracy for pos, macro-F1 otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double? DevScore => Task switch { "ner" => DevEntityF1, "pos" => DevAccuracy, "regression" => DevPearson, _ => DevMacroF1 };

    /// <summary>What <see cref="DevScore"/> measures.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string DevMeasure => Task switch { "ner" => "entity F1", "pos" => "accuracy", "regression" => "mean Pearson r", _ => "macro-F1" };

    /// <summary>What the sentence head of a classify, sentiment, multilabel or regression model learnt.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Heads.Objective Objective => ObjectiveOf(Task);

    public static Heads.Objective ObjectiveOf(string task) => task switch
    {
        "multilabel" => Heads.Objective.MultiLabel,
        "regression" => Heads.Objective.Regression,
        _ => Heads.Objective.SingleLabel,
    };

    /// <summary>What of the encoder was trained, in words.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Trained => AdapterRank > 0 ? $"adapters of rank {AdapterRank}" : $"top {TrainedLayers} layers trained";

    /// <summary>Whether the model tags words (ner, pos) rather than labelling texts.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool TagsWords => Task is "ner" or "pos";

    public required DateTimeOffset Created { get; init; }

    public required string WeightsSha256 { get; init; }

    public long WeightsBytes { get; init; }

    /// <summary>The card of a model about to be trained: what it learns from, no figures yet.</summary>
    public static ModelCard For(Training.TrainingRequest request, IReadOnlyList<string> labels, int examples) => new()
    {
        Name = request.Name, Task = request.Task, Labels = labels, Base = ModelStore.BaseName, TrainedLayers = request.Options.TopLayers,
        AdapterRank = request.Options.AdapterRank, Device = Encoder.EngineDevice.Name ?? "CPU",
        DataFile = Path.GetFileName(request.Data), DataSha256 = ParameterFile.Hash(request.Data), Examples = examples,
        Epochs = request.Options.Epochs, Created = DateTimeOffset.UtcNow, WeightsSha256 = "",
    };
}
