using System.Buffers;
using Hearth.Cluster.Devices;
using Hearth.Hardware.History;
using Hearth.Testing;
using Hearth.Text;
using Hearth.Text.Heads;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using Hearth.Text.Embeddings;

namespace Hearth.Cluster.Tests.Devices;

/// <summary>
/// A Wi-Fi board: the real firmware in simavr behind a serial-to-MQTT bridge (what an ESP module does for a
/// microcontroller), talking to the broker embedded in the node with the very frames of the serial protocol.
/// </summary>
public sealed class MqttTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("hearth-mqtt-").FullName;

    [Fact]
    public async Task A_board_behind_mqtt_announces_itself_is_paired_and_computes_exactly_the_cpu_reference()
    {
        using var runtime = new EncoderRuntime();
        var models = new TextModels(runtime);
        var head = models.Sentiment.ToInt8();
        var input = Int8Head.QuantizeInput(models.Encoder.Encode(["The hotel was spotless and the staff were lovely."])[0]);
        var port = Ports.Free();
        await using var gateway = new DeviceGateway(HearthDatabase.InHome(home), NullLoggerFactory.Instance);
        using var broker = new MqttDeviceBroker(new HearthClusterOptions { MqttPort = port }, gateway, NullLogger<MqttDeviceBroker>.Instance);
        await broker.StartAsync(CancellationToken.None);
        await broker.Started;
        using var board = EmulatedBoard.Start(head);
        using var bridge = await Bridge(board, "wifi0", port);

        await Eventually.Until(() => gateway.List().Any(d => d.Name == "wifi0" && d.Hello is not null));
        gateway.Pair("wifi0");
        var result = await gateway.InferAsync("wifi0", input, CancellationToken.None);
        await broker.StopAsync(CancellationToken.None);

        Assert.Equal("atmega328p-uno", gateway.List().Single().Hello!.Board);
        Assert.Equal(head.Accumulate(input), result);
    }

    /// <summary>Serial bytes from the board go up as MQTT messages; messages coming down go to its serial input.</summary>
    private static async Task<IMqttClient> Bridge(EmulatedBoard board, string name, int port)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += async e =>
        {
            await board.ToDevice.WriteAsync(e.ApplicationMessage.Payload.ToArray());
            await board.ToDevice.FlushAsync();
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(name).Build());
        await client.SubscribeAsync($"{MqttDeviceBroker.Prefix}{name}/down");
        _ = Task.Run(async () =>
        {
            var buffer = new byte[512];
            int read;
            while ((read = await board.FromDevice.ReadAsync(buffer)) > 0 && client.IsConnected)
            {
                var up = new MqttApplicationMessageBuilder().WithTopic($"{MqttDeviceBroker.Prefix}{name}/up").WithPayload(buffer[..read]).Build();
                await client.PublishAsync(up);
            }
        });
        return client;
    }

    public void Dispose() => Directory.Delete(home, recursive: true);
}
