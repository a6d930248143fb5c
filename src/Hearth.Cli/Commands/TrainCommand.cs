using System.ComponentModel;
using Hearth.Hardware.Ai;
using Hearth.Hardware.History;
using Hearth.Hardware.Gpu;
using Hearth.Learning.Data;
using Hearth.Learning.Encoder;
using Hearth.Learning.Models;
using Hearth.Learning.Training;
using Hearth.Text.Embeddings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary>
/// <c>hearth train classify|sentiment|ner|pos --data FILE</c>: fine-tunes MiniLM's top layers and a classifier or tagger
/// head on this machine, with a checkpoint per epoch (<c>--resume</c>), the dev score after each, and the best epoch kept.
/// </summary>
internal sealed class TrainCommand : Command<TrainCommand.Settings>
{
    internal sealed class Settings : TrainingSettings
    {
        [CommandOption("--device <cpu|gpu>")]
        [Description("Where the matrix products run: this CPU (default) or the first CUDA GPU (cuBLAS, else ILGPU's kernel).")]
        [DefaultValue("cpu")]
        public string Device { get; init; } = "cpu";

        [CommandOption("--resume")]
        [Description("Go on from the last epoch's checkpoint of the model NAME (after Ctrl+C or a kill).")]
        public bool Resume { get; init; }

        public override ValidationResult Validate() =>
            Device is not ("cpu" or "gpu") ? ValidationResult.Error($"--device '{Device}' is not cpu or gpu") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var home = HearthHome.Resolve();
        using var encoder = new MiniLmEncoder(ExecutionProviders.Cpu, Path.Combine(home, "cache"));
        using var gpu = settings.Device == "gpu" ? AcceleratorGemm.Open("cuda") : null;
        using var routed = gpu is null ? null : EngineDevice.Use(gpu);
        Console.Error.WriteLine($"hearth: training on {gpu?.Name ?? "this CPU (Hearth's SGEMM kernel)"}");
        var request = new TrainingRequest(settings.Name ?? settings.Task, settings.Task, settings.Data, settings.Dev,
            settings.Options(), settings.Resume);
        try
        {
            var card = Run(request, new ModelStore(home), encoder, cancellationToken);
            var dev = card.DevScore is { } score ? $", dev {card.DevMeasure} {score:F3}" : "";
            Console.Error.WriteLine($"hearth: model '{card.Name}' saved (epoch {card.BestEpoch}{dev}); 'hearth eval {card.Name} --data FILE' scores "
                + "it");
            return ExitCodes.Ok;
        }
        catch (DataFileException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageOrInternal;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine($"hearth: interrupted; the last finished epoch is kept: 'hearth train {settings.Task} --data {settings.Data} "
                + $"--name {request.Name} --resume' goes on from it");
            return ExitCodes.Interrupted;
        }
    }

    private static ModelCard Run(TrainingRequest request, ModelStore store, MiniLmEncoder encoder, CancellationToken cancellationToken)
    {
        ModelCard Train(Action<TrainingProgress> progress) => TaskTraining.Run(request, store, encoder.Tokenize, progress, cancellationToken);
        if (Console.IsErrorRedirected)
        {
            return Train(p => Report(p, Console.Error.WriteLine));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ModelCard? card = null;
        console.Progress().Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
            new RemainingTimeColumn()).Start(context =>
        {
            ProgressTask? bar = null;
            card = Train(p =>
            {
                bar ??= context.AddTask("training", maxValue: p.Steps * p.Epochs);
                bar.Value = ((p.Epoch - 1) * p.Steps) + p.Step;
                bar.Description = $"epoch {p.Epoch}/{p.Epochs} step {p.Step}/{p.Steps} loss {p.Loss:F3} {p.TokensPerSecond:N0} tokens/s";
                Report(p, line => console.MarkupLineInterpolated($"{line}"));
            });
        });
        return card!;
    }

    /// <summary>One line per finished epoch.</summary>
    private static void Report(TrainingProgress p, Action<string> write)
    {
        if (p.EpochDone)
        {
            write($"epoch {p.Epoch}/{p.Epochs}: loss {p.Loss:F4}, {p.TokensPerSecond:N0} tokens/s{(p.Dev is null ? "" : ", " + p.Dev)}"
                + (p.Saved ? " (best so far: saved)" : ""));
        }
    }
}
