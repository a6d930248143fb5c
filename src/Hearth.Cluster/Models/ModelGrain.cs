using Hearth.Cluster.Placement;
using Hearth.Learning.Models;

namespace Hearth.Cluster.Models;

/// <summary>The cluster-wide address of a node's <see cref="ModelCopies"/>.</summary>
[NodePlacement]
internal sealed class ModelGrain(ModelCopies copies) : Grain, IModelGrain
{
    public Task<byte[]> Read(string model, string file, long offset, int count) => copies.ReadAsync(model, file, offset, count);

    public Task<string> Fetch(string model, string from) => copies.FetchAsync(model, from);
}

/// <summary>A node's model store, for the other nodes: chunks to read, and copies made from another node's store.</summary>
internal sealed class ModelCopies(ModelStore store, IGrainFactory grains)
{
    private const int Chunk = 4 << 20;

    public async Task<byte[]> ReadAsync(string model, string file, long offset, int count)
    {
        if (file is not ("card.json" or "weights.bin"))
        {
            throw new ArgumentException($"a model has no file '{file}'");
        }

        var stream = File.OpenRead(Path.Combine(store.Folder(model), file));
        await using (stream.ConfigureAwait(false))
        {
            stream.Position = Math.Min(offset, stream.Length);
            var buffer = new byte[(int)Math.Min(count, stream.Length - stream.Position)];
            await stream.ReadExactlyAsync(buffer).ConfigureAwait(false);
            return buffer;
        }
    }

    public async Task<string> FetchAsync(string model, string from)
    {
        var source = grains.GetGrain<IModelGrain>(from);
        var card = await source.Read(model, "card.json", 0, 1 << 20).ConfigureAwait(false);
        var partial = Path.Combine(Directory.CreateDirectory(store.Root).FullName, $".{model}.{Guid.NewGuid():N}.partial");
        try
        {
            var output = File.Create(partial);
            await using (output.ConfigureAwait(false))
            {
                for (long offset = 0; ;)
                {
                    var chunk = await source.Read(model, "weights.bin", offset, Chunk).ConfigureAwait(false);
                    if (chunk.Length == 0)
                    {
                        break;
                    }

                    await output.WriteAsync(chunk).ConfigureAwait(false);
                    offset += chunk.Length;
                }
            }

            var installed = store.Install(model, System.Text.Encoding.UTF8.GetString(card), partial);
            return $"copied from {from}, {installed.WeightsBytes / 1e6:F1} MB, SHA-256 checked";
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
