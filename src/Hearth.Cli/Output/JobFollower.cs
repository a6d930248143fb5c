using Hearth.Cli.Infrastructure;
using Hearth.Cluster.Jobs;
using Spectre.Console;

namespace Hearth.Cli.Output;

/// <summary>Follows a cluster job until it ends: a progress bar on a terminal (stderr, so results can go to stdout), a line at the end.</summary>
internal static class JobFollower
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>The job's last progress; null when its node stopped answering (what to do next is printed).</summary>
    public static async Task<JobProgress?> FollowAsync(NodeClient node, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await PollAsync(node, id, cancellationToken).ConfigureAwait(false);
        }
        catch (NodeUnreachableException e)
        {
            var where = node.Address.ToString().TrimEnd('/') is var url && url == NodeClient.DefaultNode ? "" : $" --node {url}";
            Console.Error.WriteLine($"hearth: the node stopped answering during job {id} ({e.Message}); the job is kept: restart the node "
                + $"(the same HEARTH_HOME), then 'hearth jobs watch {id}{where}'");
            return null;
        }
    }

    private static async Task<JobProgress> PollAsync(NodeClient node, string id, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var progress = await node.ProgressAsync(id, cancellationToken).ConfigureAwait(false);
        if (Console.IsErrorRedirected)
        {
            while (progress.State == JobState.Running)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                progress = await node.ProgressAsync(id, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask($"job {id}", maxValue: Math.Max(1, progress.Shards));
                    while (progress.State == JobState.Running)
                    {
                        bar.Value = progress.ShardsDone;
                        bar.Description = $"job {id}: {progress.ShardsDone}/{progress.Shards} shards {Shares(progress)}".EscapeMarkup();
                        await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                        progress = await node.ProgressAsync(id, cancellationToken).ConfigureAwait(false);
                    }

                    bar.Value = progress.ShardsDone;
                }).ConfigureAwait(false);
        }

        var seconds = ((progress.Finished ?? DateTimeOffset.UtcNow) - progress.Created).TotalSeconds;
        Console.Error.WriteLine(progress.State == JobState.Done
            ? $"hearth: job {id} done: {progress.Documents} documents in {seconds:N1} s ({progress.Documents / Math.Max(seconds, 1e-3):N0} "
                + $"documents/s), {progress.Shards} shards, {progress.Retries} retried; shards by node: {Shares(progress)}"
            : $"hearth: job {id} {progress.State.Name()}: {progress.Error}");
        return progress;
    }

    private static string Shares(JobProgress progress) => string.Join(", ", progress.ShardsByNode.Select(n => $"{n.Key} {n.Value}"));
}
