using Hearth.Cli.Infrastructure;
using Hearth.Cli.Output;
using Hearth.Cluster.Jobs;
using Hearth.Text.Input;

namespace Hearth.Cli.Commands.Submit;

/// <summary>What every <c>hearth submit</c> command does once it knows its job: submit it, follow it, write its lines.</summary>
internal static class JobSubmission
{
    /// <summary>The documents of <paramref name="input"/>; the unreadable ones are reported here and travel as error lines.</summary>
    public static IReadOnlyList<InputDocument> Read(string input)
    {
        var documents = DocumentReader.Read(input, Console.In).ToList();
        foreach (var bad in documents.Where(d => d.Error is not null))
        {
            Console.Error.WriteLine($"hearth: {bad.Id}: {bad.Error}");
        }

        return documents;
    }

    /// <summary>Submits the job, follows it and writes its lines (or prints its id with --detach).</summary>
    public static async Task<int> RunAsync(JobRequest request, ISubmitSettings settings, CancellationToken cancellationToken)
    {
        using var node = new NodeClient(settings.Node);
        var job = await node.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        if (settings.Detach)
        {
            Console.Out.WriteLine(job.Id);
            return ExitCodes.Ok;
        }

        Console.Error.WriteLine($"hearth: job {job.Id} submitted ({job.Documents} documents)");
        var progress = await JobFollower.FollowAsync(node, job.Id, cancellationToken).ConfigureAwait(false);
        if (progress?.State != JobState.Done)
        {
            return progress is null ? ExitCodes.NodeLost : ExitCodes.JobFailed;
        }

        await node.WriteResultAsync(job.Id, settings.Output, cancellationToken).ConfigureAwait(false);
        return request.Documents.Any(d => d.Error is not null) ? ExitCodes.SomeInputsUnreadable : ExitCodes.Ok;
    }
}
