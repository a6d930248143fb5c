using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hearth.Cluster.Devices;

/// <summary>
/// Attaches the boards named by <c>hearth up --device</c> at start-up: a serial port set to 500 kbaud raw, or a
/// program whose standard input and output are the line (the simavr host runs the firmware that way).
/// </summary>
internal sealed partial class DeviceAttacher(HearthClusterOptions options, DeviceGateway gateway, ILogger<DeviceAttacher> logger) : BackgroundService
{
    private readonly List<Process> programs = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var spec in options.Devices)
        {
            var (name, path) = spec.Split('=', 2) is [var n, var p] ? (n, p) : (spec, "");
            Process? program = null;
            try
            {
                program = path.StartsWith("exec:", StringComparison.Ordinal) ? Start(path[5..]) : null;
                var (fromDevice, toDevice) = program is null ? Serial(path) : (program.StandardOutput.BaseStream, program.StandardInput.BaseStream);
                await gateway.ConnectAsync(name, fromDevice, toDevice, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DeviceException or IOException or UnauthorizedAccessException or InvalidOperationException
                or System.ComponentModel.Win32Exception)
            {
                LogNotAttached(name, path, e.Message);
                gateway.Failed(name, $"not attached ({path}): {e.Message}");
                if (program is { HasExited: false })
                {
                    program.Kill();
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var program in programs.Where(p => !p.HasExited))
        {
            program.Kill();
        }
    }

    public override void Dispose()
    {
        programs.ForEach(p => p.Dispose());
        base.Dispose();
    }

    private Process Start(string command)
    {
        var parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var program = Process.Start(new ProcessStartInfo(parts[0], parts[1..]) { RedirectStandardInput = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"'{command}' did not start");
        programs.Add(program);
        return program;
    }

    private static (Stream, Stream) Serial(string path)
    {
        using (var stty = Process.Start(new ProcessStartInfo("stty", ["-F", path, "500000", "raw", "-echo"]) { RedirectStandardError = true })!)
        {
            stty.WaitForExit();
            if (stty.ExitCode != 0)
            {
                throw new IOException($"cannot set {path} to 500000 baud raw: {stty.StandardError.ReadToEnd().Trim()}");
            }
        }

        var port = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, useAsync: false);
        return (port, port);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error,
        Message = "device {Device} ({Path}) not attached: {Reason}; give --device NAME=/dev/ttyACM0 or NAME=exec:COMMAND")]
    private partial void LogNotAttached(string device, string path, string reason);
}
