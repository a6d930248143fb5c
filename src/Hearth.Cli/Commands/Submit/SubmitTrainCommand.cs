using System.ComponentModel;
using Hearth.Cluster.Jobs;
using Hearth.Learning.Data;
using Hearth.Text.Input;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Submit;

/// <summary>
/// <c>hearth submit train TASK --data FILE</c>: <c>hearth train</c> on the node of the cluster with the most compute (a GPU
/// that <c>hearth bench</c> measured first); the model is then copied to every node, so any node serves it by name.
/// </summary>
internal sealed class SubmitTrainCommand : AsyncCommand<SubmitTrainCommand.Settings>
{
    /// <summary>The options of <c>hearth train</c> (not --resume, --device: the node resumes and picks its GPU), and where the job goes.</summary>
    internal sealed class Settings : TrainingSettings, ISubmitSettings
    {
        [CommandOption("--node <URL>")]
        [Description("The node to submit to (default http://127.0.0.1:7310; HEARTH_TOKEN holds a remote node's token).")]
        public string? Node { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the result line (default: standard output).")]
        public string? Output { get; init; }

        [CommandOption("--detach")]
        [Description("Print the job id and return at once; 'hearth jobs watch|result ID' later.")]
        public bool Detach { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        TrainPayload payload;
        try
        {
            var (dataName, data) = DataFile.Read(settings.Data);
            var dev = settings.Dev is null ? ((string?)null, (string?)null) : DataFile.Read(settings.Dev);
            payload = new TrainPayload(settings.Task, settings.Name ?? settings.Task, settings.Epochs, settings.Layers, settings.Batch,
                settings.LearningRate, settings.Seed, dataName, data, dev.Item1, dev.Item2);
        }
        catch (DataFileException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageOrInternal;
        }

        return await JobSubmission.RunAsync(new JobRequest(JobKind.Train, [], [new InputDocument("train", payload.ToJson(), null)]), settings,
            cancellationToken).ConfigureAwait(false);
    }
}
