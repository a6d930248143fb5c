using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Hearth.Text.Heads;

namespace Hearth.Cluster.Tests.Devices;

/// <summary>
/// A real Arduino Uno firmware (firmware/dense, built with avr-gcc for the ATmega328P) running in simavr through
/// our emulator host (firmware/simavr-host), its UART on this process's pipes. Each board is its own process.
/// </summary>
internal sealed partial class EmulatedBoard : IDisposable
{
    private static readonly ConcurrentDictionary<uint, string> Firmware = new();
    private static readonly Lazy<string> Host = new(() => Make("simavr-host", Output("host"), "hearth-simavr"));
    private readonly Process process;

    private EmulatedBoard(Process process) => this.process = process;

    public Stream FromDevice => process.StandardOutput.BaseStream;

    public Stream ToDevice => process.StandardInput.BaseStream;

    /// <summary>Builds (once per model) the firmware carrying this head, and starts a board running it.</summary>
    public static EmulatedBoard Start(Int8Head head)
    {
        var elf = Firmware.GetOrAdd(head.Hash, _ =>
        {
            var dir = Output($"dense-{head.Hash:x8}");
            File.WriteAllText(Path.Combine(dir, "weights.h"), head.CHeader("sentiment"));
            return Make("dense", dir, "dense.elf", $"WEIGHTS={dir}");
        });
        var start = new ProcessStartInfo(Host.Value, [elf]) { RedirectStandardInput = true, RedirectStandardOutput = true,
            RedirectStandardError = true };
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new EmulatedBoard(process);
    }

    /// <summary>Presses the board's reset button.</summary>
    public void Reset() => Assert.Equal(0, Kill(process.Id, 10)); // SIGUSR1

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static string Make(string project, string output, string target, params string[] variables)
    {
        var make = new ProcessStartInfo("make", ["-s", "-C", Path.Combine(Repository(), "firmware", project), $"OUT={output}", .. variables])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(make)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"building firmware/{project} failed (needs gcc-avr, avr-libc, libsimavr-dev: ./test.sh installs "
            + $"them): {errors.Result}");
        return Path.Combine(output, target);
    }

    private static string Output(string name) => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "hearth-firmware-tests", name)).FullName;

    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hearth.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("the tests run outside the repository");
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
