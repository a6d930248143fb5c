using System.Text.Json;
using Hearth.Cluster.Models;
using Hearth.Cluster.Nodes;
using Hearth.Hardware;
using Hearth.Hardware.Gpu;
using Hearth.Learning.Data;
using Hearth.Learning.Encoder;
using Hearth.Learning.Models;
using Hearth.Learning.Training;
using Hearth.Text.Analysis;
using Hearth.Text.Embeddings;
using Microsoft.Extensions.Logging;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// <c>hearth train</c> as a cluster job, on the node it was given to: the data files written under the model store (so
/// that a node restarted mid-run resumes from its last epoch), the model trained and saved here, then copied to every
/// other node (each checks the weights' SHA-256). One line: the model's card and where it went.
/// </summary>
internal sealed partial class TrainShardRunner(ModelStore store, EncoderRuntime runtime, IGrainFactory grains, NodeAnnouncer announcer,
    LocalNode node, ILogger<TrainShardRunner> logger) : IShardRunner
{
    public JobKind Kind => JobKind.Train;

    public (string[] Lines, int Words) Run(ShardLease lease, CancellationToken cancellationToken)
    {
        var document = lease.Documents.Single();
        try
        {
            return ([Train(lease.JobId, TrainPayload.Parse(document.Text), document.Id, cancellationToken)], 0);
        }
        catch (Exception e) when (e is DataFileException or ModelFileException or ArgumentException)
        {
            return ([AnalysisLine.Error(document.Id, e.Message)], 0); // the data or the request is wrong: reported, not retried
        }
    }

    private string Train(string job, TrainPayload payload, string id, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(store.Root, ".jobs", job)).FullName;
        var data = Write(folder, payload.DataFile, payload.Data);
        var dev = payload.Dev is null ? null : Write(folder, payload.DevFile ?? "dev", payload.Dev);
        using var gpu = OpenGpu();
        using var routed = gpu is null ? null : EngineDevice.Use(gpu);
        var request = new TrainingRequest(payload.Name, payload.Task, data, dev,
            TaskTraining.Options(payload.Layers, payload.Epochs, payload.Batch, payload.LearningRate, payload.Seed), Resume: true);
        var card = TaskTraining.Run(request, store, runtime.Encoder.Tokenize, p =>
        {
            if (p.EpochDone)
            {
                LogEpoch(job, payload.Name, p.Epoch, p.Epochs, p.Loss, p.Dev ?? "no dev file");
            }
        }, cancellationToken); // a node that stops mid-run resumes from its last epoch when the shard comes back
        var copies = announcer.Nodes.Where(n => n.Name != node.Name).ToDictionary(n => n.Name, n => Copy(n.Name, payload.Name));
        Directory.Delete(folder, recursive: true);
        return JsonSerializer.Serialize(new { id, model = card, trainedOn = node.Name, copies }, HearthJson.Compact);
    }

    /// <summary>The node's CUDA GPU when <c>hearth bench</c> measured one here (what placed the job on it), else null: the CPU trains.</summary>
    private AcceleratorGemm? OpenGpu()
    {
        if (!announcer.Nodes.Any(n => n.Name == node.Name && n.Devices.Any(d => d.StartsWith("gpu", StringComparison.Ordinal))))
        {
            return null;
        }

        try
        {
            return AcceleratorGemm.Open("cuda");
        }
        catch (Exception e) when (e is InvalidOperationException or DllNotFoundException or ILGPU.InternalCompilerException)
        {
            LogNoGpu(e.Message);
            return null;
        }
    }

    private string Copy(string target, string model)
    {
        try
        {
            return grains.GetGrain<IModelGrain>(target).Fetch(model, node.Name).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCopyFailed(model, target, e.Message);
            return $"failed: {e.Message}";
        }
    }

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, Path.GetFileName(name) is { Length: > 0 } file ? file : "data");
        File.WriteAllText(path, text);
        return path;
    }

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "job {Job}: model {Model}, epoch {Epoch}/{Epochs}: loss {Loss:F4}, {Dev}")]
    private partial void LogEpoch(string job, string model, int epoch, int epochs, double loss, string dev);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Warning, Message = "training on the CPU: the GPU cannot be opened ({Reason})")]
    private partial void LogNoGpu(string reason);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "model {Model} could not be copied to {Node}: {Reason}")]
    private partial void LogCopyFailed(string model, string node, string reason);
}
