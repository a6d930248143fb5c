using Hearth.Learning.Models;

namespace Hearth.Learning.Tests;

public sealed class ParameterFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("hearth-weights-").FullName;

    [Fact]
    public void Weights_in_16_bit_floats_take_half_the_room_and_come_back_within_their_precision()
    {
        var random = new Random(5);
        float[] values = [.. Enumerable.Range(0, 10_000).Select(_ => (float)((random.NextDouble() - 0.5) * 0.2))];
        var (full, half) = (Path.Combine(directory, "full.bin"), Path.Combine(directory, "half.bin"));
        ParameterFile.Write(full, [("w", values)]);
        var sha = ParameterFile.Write(half, [("w", values)], half: true);

        var back = ParameterFile.Read(half, sha)["w"];

        Assert.Equal(values, ParameterFile.Read(full, null)["w"]);
        Assert.InRange(new FileInfo(half).Length, new FileInfo(full).Length / 2 - 64, new FileInfo(full).Length / 2 + 64);
        Assert.All(values.Zip(back), p => Assert.True(Math.Abs(p.First - p.Second) <= Math.Abs(p.First) / 1024 + 1e-7f, $"{p.First} → {p.Second}"));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
