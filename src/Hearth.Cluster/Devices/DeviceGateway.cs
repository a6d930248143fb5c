using System.Collections.Concurrent;
using Hearth.Hardware.History;
using Microsoft.Extensions.Logging;

namespace Hearth.Cluster.Devices;

/// <summary>
/// The microcontrollers attached to this node. A board announces itself; an impossible announcement is rejected;
/// a plausible one waits to be paired by the user (the pairing, with the board and the firmware hash, is kept in
/// the node's SQLite file), and only a paired board gets work. Reflashing a board undoes its pairing.
/// </summary>
public sealed partial class DeviceGateway(HearthDatabase database, ILoggerFactory loggers) : IAsyncDisposable
{
    private const string Schema = "CREATE TABLE IF NOT EXISTS device_pairings(name TEXT PRIMARY KEY, board TEXT NOT NULL, firmware_hash INTEGER "
        + "NOT NULL, paired_at INTEGER NOT NULL);";

    private readonly ConcurrentDictionary<string, DeviceConnection> devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> failures = new(StringComparer.Ordinal);
    private readonly ILogger logger = loggers.CreateLogger<DeviceGateway>();

    /// <summary>Attaches a board on a byte stream and waits for its announcement.</summary>
    public async Task<DeviceState> ConnectAsync(string name, Stream fromDevice, Stream toDevice, CancellationToken cancellationToken,
        TimeSpan? replyTimeout = null)
    {
        var connection = new DeviceConnection(name, fromDevice, toDevice, loggers.CreateLogger($"Hearth.Device.{name}"), replyTimeout);
        if (devices.TryRemove(name, out var previous))
        {
            await previous.DisposeAsync().ConfigureAwait(false);
        }

        devices[name] = connection;
        failures.TryRemove(name, out _);
        DeviceHello hello;
        try
        {
            hello = await connection.AnnounceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DeviceException e)
        {
            // Let go of a line that does not speak the protocol: no more reading (a stream of noise costs a core), listed with why.
            devices.TryRemove(KeyValuePair.Create(name, connection));
            await connection.DisposeAsync().ConfigureAwait(false);
            Failed(name, e.Message);
            throw;
        }

        var state = State(connection);
        if (state.Problems.Count > 0)
        {
            LogRejected(name, hello.Board, string.Join("; ", state.Problems));
        }
        else
        {
            LogAnnounced(name, hello.Board, hello.RamBytes, hello.InputSize, hello.OutputSize, hello.FirmwareHash, state.State);
        }

        return state;
    }

    /// <summary>Records a device that could not be attached (its line did not open, it never announced itself), with why.</summary>
    public void Failed(string name, string reason) => failures[name] = reason;

    /// <summary>Every device: attached ones, and the ones that could not be attached ("unattached", with the reason).</summary>
    public IReadOnlyList<DeviceState> List() =>
    [
        .. devices.Values.Select(State)
            .Concat(failures.Where(f => !devices.ContainsKey(f.Key)).Select(f => new DeviceState(f.Key, "unattached", null, [f.Value], 0, 0)))
            .OrderBy(d => d.Name, StringComparer.Ordinal),
    ];

    /// <summary>Lets a board get work; refused for a board that is not attached or whose announcement was rejected.</summary>
    public DeviceState Pair(string name)
    {
        var connection = Connection(name);
        var state = State(connection);
        if (state.Hello is not { } hello || state.Problems.Count > 0)
        {
            throw new DeviceException($"device {name} cannot be paired: "
                + $"{string.Join("; ", state.Problems.DefaultIfEmpty("it has not announced itself"))}");
        }

        using var db = database.Open(Schema);
        using var command = db.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO device_pairings(name, board, firmware_hash, paired_at) VALUES($name, $board, $hash, $at)";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$board", hello.Board);
        command.Parameters.AddWithValue("$hash", (long)hello.FirmwareHash);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        LogPaired(name, hello.Board);
        return State(connection);
    }

    /// <summary>A paired board's int32 accumulators for one int8 input.</summary>
    public Task<int[]> InferAsync(string name, sbyte[] input, CancellationToken cancellationToken)
    {
        var connection = Connection(name);
        var state = State(connection);
        return state.State == "paired"
            ? connection.InferAsync(input, cancellationToken)
            : throw new DeviceException($"device {name} is "
                + $"{state.State}{(state.Problems.Count > 0 ? $" ({string.Join("; ", state.Problems)})" : "")}: only paired devices get work; "
                    + $"pair it with 'hearth devices pair {name}'");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in devices.Values)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        devices.Clear();
    }

    private DeviceConnection Connection(string name) =>
        devices.TryGetValue(name, out var connection) ? connection : throw new DeviceException($"no device {name} is attached to this node");

    private DeviceState State(DeviceConnection connection)
    {
        var hello = connection.Hello;
        var problems = hello?.Problems() ?? ["it has not announced itself"];
        var state = problems.Count > 0 ? "rejected" : Paired(connection.Name, hello!) ? "paired" : "unpaired";
        return new DeviceState(connection.Name, state, hello, problems, connection.Retries, connection.BadFrames);
    }

    private bool Paired(string name, DeviceHello hello)
    {
        using var db = database.Open(Schema);
        using var command = db.CreateCommand();
        command.CommandText = "SELECT 1 FROM device_pairings WHERE name = $name AND board = $board AND firmware_hash = $hash";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$board", hello.Board);
        command.Parameters.AddWithValue("$hash", (long)hello.FirmwareHash);
        return command.ExecuteScalar() is not null;
    }

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information,
        Message = "device {Device} announced: {Board}, {Ram} bytes of RAM, int8 dense {Inputs}→{Outputs}, firmware {Hash:X8}; {State}")]
    private partial void LogAnnounced(string device, string board, int ram, int inputs, int outputs, uint hash, string state);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "device {Device} ({Board}) rejected: {Problems}")]
    private partial void LogRejected(string device, string board, string problems);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "device {Device} ({Board}) paired: it now gets work")]
    private partial void LogPaired(string device, string board);
}
