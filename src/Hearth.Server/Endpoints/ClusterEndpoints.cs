using System.Text;
using Hearth.Cluster.Devices;
using Hearth.Cluster.Jobs;
using Hearth.Cluster.Nodes;
using Hearth.Learning.Models;
using Hearth.Learning.Serving;
using Hearth.Text.Analysis;
using Hearth.Text.Input;

namespace Hearth.Server.Endpoints;

/// <summary>The cluster under <c>/api/cluster</c>: its nodes, and the jobs this node coordinates (docs/cluster.md).</summary>
internal static class ClusterEndpoints
{
    private const string NoCluster = "this node runs without a cluster";
    private const string HowToCluster = "start it with 'hearth up' (without --no-cluster)";

    public static void MapClusterApi(this WebApplication app)
    {
        var cluster = app.MapGroup("/api/cluster");
        cluster.MapGet("/nodes", (IServiceProvider services) => services.GetService<NodeAnnouncer>() is { } announcer
                ? Results.Ok(announcer.Nodes)
                : ApiEndpoints.Problem(404, NoCluster, HowToCluster))
            .WithSummary("Every node of the cluster: devices, measured throughput, roles, load, open jobs.");
        cluster.MapGet("/devices", (IServiceProvider services) => services.GetService<DeviceGateway>() is { } gateway
                ? Results.Ok(gateway.List())
                : ApiEndpoints.Problem(404, NoCluster, HowToCluster))
            .WithSummary("The microcontrollers attached to this node: announcement, state (rejected, unpaired, paired), retries, bad frames.");
        cluster.MapPost("/devices/{name}/pair", (string name, IServiceProvider services) =>
            {
                if (services.GetService<DeviceGateway>() is not { } gateway)
                {
                    return ApiEndpoints.Problem(404, NoCluster, HowToCluster);
                }

                try
                {
                    return Results.Ok(gateway.Pair(name));
                }
                catch (DeviceException e)
                {
                    return ApiEndpoints.Problem(409, e.Message, "list the boards with GET /api/cluster/devices");
                }
            })
            .WithSummary("Pairs a board: from now on it gets work (until it is reflashed).");
        cluster.MapPost("/jobs", SubmitAsync)
            .WithSummary("Submits a job (kind 'analyze': documents and features) to run over the cluster; returns its id.");
        cluster.MapGet("/jobs", async (IServiceProvider services, CancellationToken cancellationToken) => Coordinator(services) is { } jobs
                ? Results.Ok(await jobs.ListAsync(cancellationToken).ConfigureAwait(false))
                : ApiEndpoints.Problem(404, NoCluster, HowToCluster))
            .WithSummary("The jobs this node coordinates, newest first, with their progress.");
        cluster.MapGet("/jobs/{id}", async (string id, IServiceProvider services, CancellationToken cancellationToken) =>
                Coordinator(services) is not { } jobs ? ApiEndpoints.Problem(404, NoCluster, HowToCluster)
                : await jobs.ProgressAsync(id, cancellationToken).ConfigureAwait(false) is { } progress ? Results.Ok(progress)
                : ApiEndpoints.Problem(404, $"no job {id} on this node", "list them with GET /api/cluster/jobs"))
            .WithSummary("A job's progress: shards done, retries, shards by node.");
        cluster.MapGet("/jobs/{id}/result", ResultAsync)
            .WithSummary("A finished job's output as JSON Lines, in input order (the same lines as 'hearth analyze').");
    }

    private static async Task<IResult> SubmitAsync(JobRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (Coordinator(services) is not { } jobs)
        {
            return ApiEndpoints.Problem(404, NoCluster, HowToCluster);
        }

        try
        {
            var features = request.Kind == JobKind.Analyze ? Feature.Parse(request.Features) : [];
            _ = services.GetRequiredService<TrainedModels>().Choose(request.Models ?? []); // a model this node lacks is refused now
            var documents = request.Kind switch
            {
                JobKind.Bench => EveryNode(services),
                JobKind.Train => [TrainingNode(services, request.Documents)],
                _ => request.Documents ?? [],
            };
            var bench = request.Kind == JobKind.Bench ? request.Bench ?? new BenchRequest(null, Ai: true) : null;
            var id = await jobs.SubmitAsync(request with { Features = features, Documents = documents, Bench = bench },
                cancellationToken).ConfigureAwait(false);
            return Results.Created($"/api/cluster/jobs/{id}", await jobs.ProgressAsync(id, cancellationToken).ConfigureAwait(false));
        }
        catch (ArgumentException e)
        {
            return ApiEndpoints.Problem(400, e.Message, "see docs/analyze.md for the features, docs/cli.md for 'hearth submit train'");
        }
        catch (ModelFileException e)
        {
            return ApiEndpoints.Problem(404, e.Message, "train it with 'hearth submit train' (every node then has it); 'hearth models' lists them");
        }
    }

    private static async Task<IResult> ResultAsync(string id, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (Coordinator(services) is not { } jobs)
        {
            return ApiEndpoints.Problem(404, NoCluster, HowToCluster);
        }

        return await jobs.ProgressAsync(id, cancellationToken).ConfigureAwait(false) switch
        {
            null => ApiEndpoints.Problem(404, $"no job {id} on this node", "list them with GET /api/cluster/jobs"),
            { State: JobState.Running } p => ApiEndpoints.Problem(409, $"job {id} is still running ({p.ShardsDone}/{p.Shards} shards)",
                "wait, or follow it with 'hearth jobs watch'"),
            { State: JobState.Failed } p => ApiEndpoints.Problem(409, $"job {id} failed: {p.Error}",
                "its partial results are not served; submit it again"),
            _ => Results.Stream(async stream =>
            {
                var writer = new StreamWriter(stream, new UTF8Encoding(false));
                await using (writer.ConfigureAwait(false))
                {
                    await foreach (var line in jobs.ResultsAsync(id, cancellationToken).ConfigureAwait(false))
                    {
                        await writer.WriteLineAsync(line).ConfigureAwait(false);
                    }
                }
            }, "application/x-ndjson"),
        };
    }

    /// <summary>A bench job has one document per node that runs benchmarks, named after it.</summary>
    private static List<InputDocument> EveryNode(IServiceProvider services) =>
        [.. services.GetRequiredService<NodeAnnouncer>().Nodes.Where(n => n.Roles.Contains(JobKind.Bench)).Select(n =>
            new InputDocument(n.Name, "", null))];

    /// <summary>A train job's one document, its payload checked, named after the node that will train: the one with the most compute.</summary>
    private static InputDocument TrainingNode(IServiceProvider services, IReadOnlyList<InputDocument>? documents)
    {
        var payload = documents is [var one] ? TrainPayload.Parse(one.Text)
            : throw new ArgumentException("a train job has one document: its payload");
        var node = TrainPayload.BestNode(services.GetRequiredService<NodeAnnouncer>().Nodes)
            ?? throw new ArgumentException("no node of the cluster takes train jobs (roles)");
        return new InputDocument(node, payload.ToJson(), null);
    }

    private static JobCoordinator? Coordinator(IServiceProvider services) => services.GetService<JobCoordinator>();
}
