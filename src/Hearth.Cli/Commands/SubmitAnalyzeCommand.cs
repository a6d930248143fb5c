using System.ComponentModel;
using Hearth.Cli.Infrastructure;
using Hearth.Cli.Output;
using Hearth.Cluster.Jobs;
using Hearth.Hardware.Doctor;
using Hearth.Text.Analysis;
using Hearth.Text.Input;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary>
/// <c>hearth submit analyze INPUT -o OUT</c>: <c>hearth analyze</c> over the cluster. The local node splits the
/// documents into shards, its workers and every other node's take them, and the output is the same as a local run.
/// </summary>
internal sealed class SubmitAnalyzeCommand : AsyncCommand<SubmitAnalyzeCommand.Settings>
{
    internal class SubmitSettings : JobSettings
    {
        [CommandArgument(0, "<INPUT>")]
        [Description("A .txt, .md, .html or .jsonl file, or a directory of them.")]
        public string Input { get; init; } = "";
    }

    /// <summary>Where a job goes and where its results go.</summary>
    internal class JobSettings : CommandSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the JSON Lines results (default: standard output).")]
        public string? Output { get; init; }

        [CommandOption("--detach")]
        [Description("Print the job id and return at once; 'hearth jobs watch|result ID' later.")]
        public bool Detach { get; init; }

        [CommandOption("--node <URL>")]
        [Description("The node to submit to (default http://127.0.0.1:7310).")]
        public string? Node { get; init; }
    }

    internal sealed class Settings : SubmitSettings
    {
        [CommandOption("--features <LIST>")]
        [Description("As for 'hearth analyze' (default: all).")]
        public string? Features { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Submit(JobKinds.Analyze, Feature.Parse(settings.Features), settings, cancellationToken);

    /// <summary>Reads the input, then submits the job (see the other overload).</summary>
    public static Task<int> Submit(string kind, IReadOnlyList<string> features, SubmitSettings settings, CancellationToken cancellationToken)
    {
        var documents = DocumentReader.Read(settings.Input, Console.In).Select(d => new JobDocument(d.Id, d.Text, d.Error)).ToList();
        foreach (var bad in documents.Where(d => d.Error is not null))
        {
            Console.Error.WriteLine($"hearth: {bad.Id}: {bad.Error}");
        }

        return Submit(new JobRequest(kind, features, documents), settings, cancellationToken);
    }

    /// <summary>Submits the job, follows it and writes its lines (or prints its id with --detach).</summary>
    public static async Task<int> Submit(JobRequest request, JobSettings settings, CancellationToken cancellationToken)
    {
        var documents = request.Documents;
        using var node = new NodeClient(settings.Node);
        var job = await node.Submit(request, cancellationToken).ConfigureAwait(false);
        if (settings.Detach)
        {
            Console.Out.WriteLine(job.Id);
            return ExitCodes.Ok;
        }

        var progress = await JobFollower.Follow(node, job.Id, cancellationToken).ConfigureAwait(false);
        if (progress.State != "done")
        {
            return ExitCodes.JobFailed;
        }

        await JobsResultCommand.Write(node, job.Id, settings.Output, cancellationToken).ConfigureAwait(false);
        return documents.Any(d => d.Error is not null) ? ExitCodes.SomeInputsUnreadable : ExitCodes.Ok;
    }
}
