using System.ComponentModel;
using Hearth.Learning.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary>The options of a training run, shared by <c>hearth train</c> and <c>hearth submit train</c>.</summary>
internal class TrainingSettings : CommandSettings
{
    [CommandArgument(0, "<TASK>")]
    [Description("classify (any labels, one per text), sentiment (the same, named for it), multilabel (any number of labels per text), "
        + "regression (numbers per text), ner (BIO entity tags per word) or pos (a part of speech per word).")]
    public string Task { get; init; } = "";

    [CommandOption("--data <FILE>")]
    [Description("Training data. Texts: TSV lines 'LABEL<TAB>TEXT' (labels or numbers joined by commas), a TSV table with a header naming "
        + "'text' and 'label' or numeric columns, or JSON Lines {\"text\", \"label\"|\"labels\"|\"values\"}. Words (ner, pos): "
        + "CoNLL ('WORD<TAB>TAG' lines, a blank line between sentences), CoNLL-U (.conllu: FORM and UPOS) or, for ner, JSON Lines "
        + "{\"text\", \"entities\": [[{\"start\", \"end\", \"label\"}]]}. .gz is read too.")]
    public string Data { get; init; } = "";

    [CommandOption("--dev <FILE>")]
    [Description("Held-out data in the same format: scored after every epoch, the best epoch is kept.")]
    public string? Dev { get; init; }

    [CommandOption("--epochs <N>")]
    [DefaultValue(3)]
    public int Epochs { get; init; } = 3;

    [CommandOption("--layers <N|all|adapters>")]
    [Description("Encoder layers trained from the top (default 2; 0 trains the head only; all: every layer and the embeddings); adapters: "
        + "low-rank adapters (rank 8) on every layer's attention, a model of a few hundred kilobytes.")]
    [DefaultValue("2")]
    public string Layers { get; init; } = "2";

    [CommandOption("--batch <N>")]
    [DefaultValue(16)]
    public int Batch { get; init; } = 16;

    [CommandOption("--lr <RATE>")]
    [Description("Peak learning rate of the encoder (default 5e-5, 5e-4 for adapters; the head's is 1e-3), warm-up over the first 10% then "
        + "linear decay.")]
    public double? LearningRate { get; init; }

    [CommandOption("--seed <N>")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;

    [CommandOption("--name <NAME>")]
    [Description("The model's name under HEARTH_HOME/models, on every node for a cluster job (default: the task).")]
    public string? Name { get; init; }

    /// <summary>The run's options, from the validated settings.</summary>
    public TrainingOptions Options() => TaskTraining.Options(Layers, Epochs, Batch, LearningRate, Seed);

    public override ValidationResult Validate()
    {
        if (!TaskTraining.Tasks.Contains(Task))
        {
            return ValidationResult.Error($"'{Task}' is not a task this Hearth trains: {string.Join(", ", TaskTraining.Tasks)}");
        }

        if (Data.Length == 0)
        {
            return ValidationResult.Error("give the training data: --data FILE");
        }

        try
        {
            _ = Options();
            return ValidationResult.Success();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error(e.Message);
        }
    }
}
