using Hearth.Cluster.Devices;
using Hearth.Hardware.History;
using Hearth.Text;
using Hearth.Text.Heads;
using Microsoft.Extensions.Logging.Abstractions;
using Hearth.Text.Embeddings;

namespace Hearth.Cluster.Tests.Devices;

/// <summary>The sentiment head, quantised, on real ATmega328P firmware in simavr, through the gateway.</summary>
public sealed class ArduinoTests : IDisposable
{
    private static readonly Lazy<(Int8Head Head, sbyte[][] Inputs)> Model = new(() =>
    {
        using var runtime = new EncoderRuntime();
        var models = new TextModels(runtime);
        var vectors = models.Encoder.Encode(["The battery lasts all day and the screen is gorgeous.",
            "It broke after a week and support never answered.",
            "Delivery was quick.", "Worst meal we have had in years.", "I would buy it again tomorrow."]);
        return (models.Sentiment.ToInt8(), [.. vectors.Select(Int8Head.QuantizeInput)]);
    });

    private readonly string home = Directory.CreateTempSubdirectory("hearth-devices-").FullName;

    private static Int8Head Head => Model.Value.Head;

    [Fact]
    public async Task A_paired_board_announces_itself_and_computes_exactly_the_cpu_reference()
    {
        using var board = EmulatedBoard.Start(Head);
        await using var gateway = Gateway();

        var announced = await gateway.ConnectAsync("uno0", board.FromDevice, board.ToDevice, CancellationToken.None);
        gateway.Pair("uno0");
        var results = new List<int[]>();
        foreach (var input in Model.Value.Inputs)
        {
            results.Add(await gateway.InferAsync("uno0", input, CancellationToken.None));
        }

        Assert.Equal("unpaired", announced.State);
        Assert.Equal(new DeviceHello(1, 2048, 32768, Head.Hash, DeviceHello.Int8Dense, 384, 2, 1, "atmega328p-uno"), announced.Hello);
        Assert.Equal(Model.Value.Inputs.Select(Head.Accumulate), results);
        Assert.Equal(0, gateway.List().Single().Retries);
    }

    [Fact]
    public async Task An_unpaired_board_gets_no_work_and_a_pairing_survives_the_gateway()
    {
        using var board = EmulatedBoard.Start(Head);
        await using (var first = Gateway())
        {
            await first.ConnectAsync("uno1", board.FromDevice, board.ToDevice, CancellationToken.None);
            var refused = await Assert.ThrowsAsync<DeviceException>(() => first.InferAsync("uno1", Model.Value.Inputs[0], CancellationToken.None));
            Assert.Contains("only paired devices get work; pair it with 'hearth devices pair uno1'", refused.Message, StringComparison.Ordinal);
            first.Pair("uno1");
        }

        await using var second = Gateway();
        var state = await second.ConnectAsync("uno1", board.FromDevice, board.ToDevice, CancellationToken.None);

        Assert.Equal("paired", state.State);
        Assert.Equal(Head.Accumulate(Model.Value.Inputs[1]), await second.InferAsync("uno1", Model.Value.Inputs[1], CancellationToken.None));
    }

    [Fact]
    public async Task A_crc_error_and_a_reset_in_the_middle_of_a_request_are_retried_and_lose_nothing()
    {
        using var board = EmulatedBoard.Start(Head);
        var line = new FaultyLine(board.ToDevice);
        await using var gateway = Gateway();
        await gateway.ConnectAsync("uno2", board.FromDevice, line, CancellationToken.None);
        gateway.Pair("uno2");

        line.CorruptNextFrame();
        var afterCrcError = await gateway.InferAsync("uno2", Model.Value.Inputs[2], CancellationToken.None);
        line.ResetDuringNextFrame(board.Reset);
        var afterReset = await gateway.InferAsync("uno2", Model.Value.Inputs[3], CancellationToken.None);

        Assert.Equal(Head.Accumulate(Model.Value.Inputs[2]), afterCrcError);
        Assert.Equal(Head.Accumulate(Model.Value.Inputs[3]), afterReset);
        Assert.InRange(gateway.List().Single().Retries, 2, DeviceConnection.MaxAttempts);
    }

    private DeviceGateway Gateway() => new(HearthDatabase.InHome(home), NullLoggerFactory.Instance);

    public void Dispose() => Directory.Delete(home, recursive: true);
}
