using System.Diagnostics;

namespace Hearth.Cli.Tests;

/// <summary>Runs the real <c>hearth</c> program built beside the tests, as a user would.</summary>
internal static class Hearth
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Where runs without a home of their own keep their state: never the real ~/.hearth.</summary>
    private static readonly string DefaultHome = Directory.CreateTempSubdirectory("hearth-cli-tests-").FullName;

    public static Result Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = Command(DefaultHome, args);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"hearth {string.Join(' ', args)} did not finish in 3 minutes");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(params string[] args) => Run(null, args);

    /// <summary>Starts a long-running <c>hearth</c> (e.g. <c>up</c>) in its own home; stdout lines are collected as they come.</summary>
    public static Background Start(string home, params string[] args)
    {
        var start = Command(home, args);
        start.Environment["COLUMNS"] = "500"; // one line per message, so that the address can be read back
        return new Background(Process.Start(start)!);
    }

    /// <summary>The real hearth built beside the tests, with its output captured and its own home.</summary>
    private static ProcessStartInfo Command(string home, string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Hearth.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HEARTH_HOME"] = home;
        return start;
    }

    /// <summary>A memory figure of a running process in kB from <c>/proc/PID/status</c> (VmRSS, VmHWM); 0 once it has exited.</summary>
    public static long Memory(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0
                : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>A <c>hearth</c> process running beside the test, killed (SIGKILL) when disposed.</summary>
    public sealed class Background : IDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();

        public Background(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
            process.ErrorDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output => string.Join('\n', lines);

        /// <summary>Waits for a line of output that matches, and returns it.</summary>
        public string WaitFor(string pattern, TimeSpan timeout)
        {
            var regex = new System.Text.RegularExpressions.Regex(pattern);
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline && !Process.HasExited)
            {
                if (lines.Select(l => regex.Match(l)).FirstOrDefault(m => m.Success) is { } match)
                {
                    return match.Value;
                }

                Thread.Sleep(50);
            }

            throw new TimeoutException($"no line matching '{pattern}' (exited: {Process.HasExited}); output:\n{Output}");
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }
    }
}
