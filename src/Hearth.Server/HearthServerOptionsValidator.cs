using System.Net;
using Hearth.Cluster;
using Microsoft.Extensions.Options;

namespace Hearth.Server;

/// <summary>Rejects options that cannot work, saying how to fix them; the node runs it at start (<c>ValidateOnStart</c>).</summary>
internal sealed class HearthServerOptionsValidator : IValidateOptions<HearthServerOptions>
{
    public ValidateOptionsResult Validate(string? name, HearthServerOptions options)
    {
        var problems = new List<string>();
        if (options.AnalysisConcurrency < 1 || options.AnalysisQueue < 0)
        {
            problems.Add($"{options.AnalysisConcurrency} analyses at once with {options.AnalysisQueue} waiting cannot serve: use at least 1 and 0");
        }

        if (options.Port is < 0 or > 65535)
        {
            problems.Add($"--port {options.Port} is not a TCP port: use 1–65535 (or 0 for any free port)");
        }

        if (options.Bind != "localhost" && !IPAddress.TryParse(options.Bind, out _))
        {
            problems.Add($"--bind '{options.Bind}' is not an IP address: use 127.0.0.1 (default), 0.0.0.0 for every interface, or one of this "
                + $"machine's addresses");
        }

        if (options.Interval < TimeSpan.FromMilliseconds(100) || options.Interval > TimeSpan.FromMinutes(1))
        {
            problems.Add($"--interval {options.Interval.TotalSeconds} s is out of range: use 0.1 to 60 seconds");
        }

        if (options.Webhook is { } hook && (!hook.IsAbsoluteUri || hook.Scheme is not ("http" or "https")))
        {
            problems.Add($"--webhook '{hook}' must be an absolute http:// or https:// URL");
        }

        if (options.Cluster is { } cluster && new HearthClusterOptionsValidator().Validate(name, cluster) is { Failed: true } invalid)
        {
            problems.AddRange(invalid.Failures);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
