using Hearth.Learning.Models;

namespace Hearth.Learning.Tests;

public sealed class ParameterFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("hearth-weights-").FullName;

    [Fact]
    public void Weights_in_8_bit_blocks_take_a_quarter_of_the_room_and_come_back_within_half_a_step_of_their_block()
    {
        var random = new Random(5);
        float[] values = [.. Enumerable.Range(0, 10_000).Select(_ => (float)((random.NextDouble() - 0.5) * 0.2))];
        var (full, small) = (Path.Combine(directory, "full.bin"), Path.Combine(directory, "small.bin"));
        ParameterFile.Write(full, [("w", values)]);
        var sha = ParameterFile.Write(small, [("w", values)], quantized: true);

        var back = ParameterFile.Read(small, sha)["w"];

        Assert.Equal(values, ParameterFile.Read(full, null)["w"]);
        Assert.InRange(new FileInfo(small).Length, new FileInfo(full).Length / 4, new FileInfo(full).Length * 0.27);
        for (var i = 0; i < values.Length; i++)
        {
            var step = values.Skip(i / ParameterFile.Block * ParameterFile.Block).Take(ParameterFile.Block).Max(Math.Abs) / 127;
            Assert.True(Math.Abs(values[i] - back[i]) <= step / 2 * 1.0001f, $"{values[i]} → {back[i]} (step {step})");
        }
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
